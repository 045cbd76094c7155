package com.example.consumer;

import java.util.concurrent.TimeUnit;

import com.example.consumer.NoteService.Read;
import dev.replication.embedded.EmbeddedReplicationCluster;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a user's application on the embedded cluster, from the published artifacts alone, and
 * checks that writes reach the primary and read-only transactions a replica.
 */
@SpringBootTest(properties = "replication.embedded.enabled=true")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ConsumerApplicationTests {

	@Autowired
	private NoteService notes;

	@Autowired
	private EmbeddedReplicationCluster cluster;

	@Autowired
	private HealthContributorRegistry health;

	@Autowired
	private MeterRegistry meters;

	@Test
	void writesGoToThePrimaryAndReadOnlyTransactionsToAReplica() {
		this.notes.createTable();
		this.cluster.awaitReplication();
		// Replicas that have not replayed the write show that a read really ran on one of them.
		this.cluster.replicas().forEach(this.cluster::pauseReplay);
		try {
			assertThat(this.notes.add("hello")).as("the write ran on a standby").isFalse();
			assertThat(this.notes.fromPrimary("hello")).isEqualTo(new Read(false, 1));
			assertThat(this.notes.readOnly("hello")).isEqualTo(new Read(true, 0));
		}
		finally {
			this.cluster.replicas().forEach(this.cluster::resumeReplay);
		}
		this.cluster.awaitReplication();
		assertThat(this.notes.readOnly("hello")).isEqualTo(new Read(true, 1));
	}

	@Test
	void actuatorReportsTheStartersHealthInsteadOfBootsPoolProbeAndEveryNodesPool() {
		assertThat(this.health.getContributor("replication")).isNotNull();
		assertThat(this.health.getContributor("db")).as("Boot's db probe copies the pools once").isNull();
		for (String node : new String[] { "primary", "replica-1", "replica-2" }) {
			assertThat(this.meters.find("hikaricp.connections.max").tag("pool", node).gauge()).as(node).isNotNull();
		}
	}

}
