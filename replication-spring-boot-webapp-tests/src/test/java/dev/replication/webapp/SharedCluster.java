package dev.replication.webapp;

import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the application at the test JVM's shared embedded primary and two replicas: the only
 * configuration the starter needs.
 */
final class SharedCluster {

	private SharedCluster() {
	}

	static EmbeddedReplicationCluster get() {
		return SharedReplicationCluster.get();
	}

	static void register(DynamicPropertyRegistry registry) {
		EmbeddedReplicationCluster cluster = get();
		registry.add("replication.primary.url", () -> cluster.primary().jdbcUrl());
		registry.add("replication.primary.username", () -> cluster.primary().username());
		for (int i = 0; i < cluster.replicas().size(); i++) {
			int index = i;
			registry.add("replication.replicas[" + i + "].url", () -> cluster.replica(index).jdbcUrl());
			registry.add("replication.replicas[" + i + "].name", () -> cluster.replica(index).name());
		}
	}

}
