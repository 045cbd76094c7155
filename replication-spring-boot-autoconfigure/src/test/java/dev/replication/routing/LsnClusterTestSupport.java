package dev.replication.routing;

import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.WriteThenRead;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the lsn-mode integration tests share: the shared cluster wired in, the beans a
 * write-then-read workload needs, and replay resumed on every replica after each test, so that no
 * test leaves a replica behind for the next.
 */
abstract class LsnClusterTestSupport {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ReplicationRouter router;

	final EmbeddedReplicationCluster cluster = SharedReplicationCluster.get();

	/**
	 * Return a workload in which each call writes a row on the primary and reads it back.
	 */
	WriteThenRead newWorkload() {
		return new WriteThenRead(this.jdbcTemplate, this.transactionManager);
	}

	@AfterEach
	void resumeReplay() {
		this.cluster.replicas().forEach(this.cluster::resumeReplay);
		this.cluster.awaitReplication();
	}

}
