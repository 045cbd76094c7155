package dev.replication.testapp;

import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;

/**
 * Replay paused on every replica of the shared cluster while open, so that a replica read after
 * a write is stale for sure; closing resumes replay and waits until every replica has caught up.
 */
public final class PausedReplicas implements AutoCloseable {

	private final EmbeddedReplicationCluster cluster = SharedReplicationCluster.get();

	private PausedReplicas() {
		try {
			this.cluster.replicas().forEach(this.cluster::pauseReplay);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Pause replay on every replica.
	 */
	public static PausedReplicas all() {
		return new PausedReplicas();
	}

	@Override
	public void close() {
		this.cluster.replicas().forEach(this.cluster::resumeReplay);
		this.cluster.awaitReplication();
	}

}
