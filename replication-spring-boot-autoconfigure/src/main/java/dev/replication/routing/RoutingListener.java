package dev.replication.routing;

/**
 * Told of every {@link RoutingDecision} as a connection is handed out: for headers, logs and
 * metrics. Runs on the routing path, so it must be quick and must not throw.
 */
@FunctionalInterface
public interface RoutingListener {

	/**
	 * Called after the node of {@code decision} has handed out a connection.
	 */
	void routed(RoutingDecision decision);

}
