package dev.replication.testapp;

import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points {@code replication.*} at the JVM's shared embedded cluster.
 */
public final class ClusterProperties {

	private ClusterProperties() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		register(registry, SharedReplicationCluster.get());
	}

	public static void register(DynamicPropertyRegistry registry, EmbeddedReplicationCluster cluster) {
		registry.add("replication.primary.url", () -> cluster.primary().jdbcUrl());
		registry.add("replication.primary.username", () -> cluster.primary().username());
		for (int i = 0; i < cluster.replicas().size(); i++) {
			int index = i;
			registry.add("replication.replicas[" + i + "].url", () -> cluster.replica(index).jdbcUrl());
			registry.add("replication.replicas[" + i + "].name", () -> cluster.replica(index).name());
		}
	}

	/**
	 * Return the same settings as property values, for an {@code ApplicationContextRunner}.
	 */
	public static String[] values() {
		EmbeddedReplicationCluster cluster = SharedReplicationCluster.get();
		return new String[] { "replication.primary.url=" + cluster.primary().jdbcUrl(),
				"replication.primary.username=" + cluster.primary().username(),
				"replication.replicas[0].url=" + cluster.replica(0).jdbcUrl(), "replication.replicas[0].name=replica-1",
				"replication.replicas[1].url=" + cluster.replica(1).jdbcUrl(),
				"replication.replicas[1].name=replica-2" };
	}

}
