package dev.replication.health;

import dev.replication.cluster.NodeStatus;
import dev.replication.cluster.ReplicationTopology;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.ProbeService;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that stop, pause or promote nodes: each test class gets a primary
 * with two replicas of its own, and an application context that goes with it. Test classes run
 * one after another, so one static field holds the current class's cluster.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
abstract class ClusterOfItsOwnIntegrationTests {

	static EmbeddedReplicationCluster cluster;

	@Autowired
	ProbeService service;

	@Autowired
	ReplicationTopology topology;

	@DynamicPropertySource
	static void startCluster(DynamicPropertyRegistry registry) {
		cluster = EmbeddedReplicationCluster.builder().replicas(2).start();
		ClusterProperties.register(registry, cluster);
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	/**
	 * Return what the health monitor sees of {@code node}.
	 */
	NodeStatus status(ClusterNode node) {
		return this.topology.getNodes()
			.stream()
			.filter((status) -> status.name().equals(node.name()))
			.findFirst()
			.orElseThrow();
	}

}
