package dev.replication.health;

import java.time.Duration;

import dev.replication.cluster.NodeStatus;
import dev.replication.cluster.ReplicationTopology;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.routing.NoReplicaAvailableException;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.ProbeService;
import dev.replication.testapp.ServedBy;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.Waiting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every replica down: reads go to the primary, or fail with {@link NoReplicaAvailableException}
 * when falling back is turned off.
 */
class AllReplicasDownIntegrationTests {

	private static EmbeddedReplicationCluster cluster;

	@BeforeAll
	static void stopReplicas() {
		cluster = EmbeddedReplicationCluster.builder().replicas(2).start();
		cluster.replicas().forEach(cluster::stop);
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	static void register(DynamicPropertyRegistry registry) {
		if (cluster == null) {
			stopReplicas();
		}
		ClusterProperties.register(registry, cluster);
	}

	static void awaitAllReplicasDown(ReplicationTopology topology) {
		Waiting.until("replicas marked down", Duration.ofSeconds(5),
				() -> topology.getNodes().stream().filter((node) -> !node.name().equals("primary")).noneMatch(NodeStatus::up));
	}

	@Nested
	@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
	@DirtiesContext
	class WithFallback {

		@DynamicPropertySource
		static void cluster(DynamicPropertyRegistry registry) {
			register(registry);
		}

		@Autowired
		private ProbeService service;

		@Autowired
		private ReplicationTopology topology;

		@Test
		void readsGoToThePrimary() {
			// Before the monitor has noticed too: the failed connections fail over.
			ServedBy first = this.service.readOnly();
			assertThat(first.isPrimary()).isTrue();
			awaitAllReplicasDown(this.topology);
			ClusterNode primary = cluster.primary();
			for (int i = 0; i < 20; i++) {
				assertThat(this.service.readOnly().port()).isEqualTo(primary.port());
			}
		}

	}

	@Nested
	@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = "replication.fallback-to-primary=false")
	@DirtiesContext
	class WithoutFallback {

		@DynamicPropertySource
		static void cluster(DynamicPropertyRegistry registry) {
			register(registry);
		}

		@Autowired
		private ProbeService service;

		@Autowired
		private ReplicationTopology topology;

		@Test
		void readsFailWithNoReplicaAvailableException() {
			awaitAllReplicasDown(this.topology);
			long started = System.nanoTime();
			assertThatExceptionOfType(NoReplicaAvailableException.class).isThrownBy(this.service::readOnly)
				.withMessageContaining("'replication.fallback-to-primary' is false")
				.withMessageContaining("replica-1 down");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
			assertThat(this.service.primary().isPrimary()).as("writes and @Primary reads still work").isTrue();
		}

	}

}
