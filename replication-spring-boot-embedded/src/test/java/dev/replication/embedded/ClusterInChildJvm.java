package dev.replication.embedded;

import java.nio.file.Files;

/**
 * Starts a cluster in a JVM of its own and waits to be killed, for {@link OrphanWatchdogTests}.
 */
public final class ClusterInChildJvm {

	private ClusterInChildJvm() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedReplicationCluster cluster = EmbeddedReplicationCluster.builder().replicas(1).start();
		StringBuilder pids = new StringBuilder();
		for (ClusterNode node : cluster.nodes()) {
			pids.append(' ').append(Files.readAllLines(node.dataDirectory().resolve("postmaster.pid")).get(0));
		}
		System.out.println("READY " + cluster.primary().dataDirectory().getParent() + pids);
		System.out.flush();
		Thread.sleep(120_000);
	}

}
