package dev.replication.embedded;

/**
 * One cluster of a primary and two replicas per JVM, started on first use and stopped when the
 * JVM exits, so that every test class of a run shares the few seconds it takes to start.
 *
 * <p>Tests that stop, promote or rebuild nodes should start a cluster of their own instead.
 */
public final class SharedReplicationCluster {

	private static volatile EmbeddedReplicationCluster cluster;

	private SharedReplicationCluster() {
	}

	/**
	 * Return the JVM's shared cluster, starting it if needed.
	 */
	public static EmbeddedReplicationCluster get() {
		EmbeddedReplicationCluster shared = cluster;
		if (shared == null) {
			synchronized (SharedReplicationCluster.class) {
				shared = cluster;
				if (shared == null) {
					shared = EmbeddedReplicationCluster.builder().replicas(2).start();
					cluster = shared;
				}
			}
		}
		return shared;
	}

}
