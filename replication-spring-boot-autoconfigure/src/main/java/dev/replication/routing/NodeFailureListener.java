package dev.replication.routing;

/**
 * Told when a node could not hand out a working connection, so that it can be taken out of
 * rotation at once instead of at its next failed health check.
 */
@FunctionalInterface
public interface NodeFailureListener {

	/**
	 * Called when {@code node} failed to give a connection, or a connection it gave broke.
	 */
	void nodeFailed(String node, Throwable failure);

}
