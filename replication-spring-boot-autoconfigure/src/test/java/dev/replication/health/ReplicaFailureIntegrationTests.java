package dev.replication.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.replication.embedded.ClusterNode;
import dev.replication.testapp.ReadLoad;
import dev.replication.testapp.ServedBy;
import dev.replication.testapp.Waiting;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A replica killed under read load, on a cluster of its own, with the default health settings.
 */
class ReplicaFailureIntegrationTests extends ClusterOfItsOwnIntegrationTests {

	@Test
	void killedReplicaCostsNoFailedReadTakesNoReadsOnceDetectedAndReturnsAfterRestart() throws Exception {
		ClusterNode victim = cluster.replica(0);
		ClusterNode survivor = cluster.replica(1);
		ReadLoad load = new ReadLoad(8, this.service::readOnly);
		Thread.sleep(1000);
		long stopped = System.nanoTime();
		cluster.stop(victim);
		Duration detection = Waiting.until(victim.name() + " marked down", Duration.ofSeconds(10),
				() -> !status(victim).up());
		long detected = System.nanoTime();
		Thread.sleep(Math.max(0, 5000 - Duration.ofNanos(System.nanoTime() - stopped).toMillis() - 1000));
		long restarted = System.nanoTime();
		cluster.start(victim);
		Duration recovery = Waiting.until(victim.name() + " back in rotation", Duration.ofSeconds(10),
				() -> status(victim).readable());
		Duration servedAgain = Waiting.until(victim.name() + " serving reads again", Duration.ofSeconds(10),
				() -> this.service.readOnly().port() == victim.port());
		List<ReadLoad.Read> reads = load.stop();

		System.out.printf("MEASURED replica-kill: detected %d ms after stop, readable %d ms after start, "
				+ "first read %d ms after start, %d reads%n", Duration.ofNanos(detected - stopped).toMillis(),
				recovery.toMillis(), Duration.ofNanos(System.nanoTime() - restarted).toMillis(), reads.size());
		assertThat(load.failures()).as("failed reads").isEmpty();
		assertThat(reads).filteredOn((read) -> read.started() > detected && read.ended() < restarted)
			.isNotEmpty()
			.allMatch((read) -> read.port() == survivor.port());
		assertThat(detection).isLessThan(Duration.ofSeconds(3));
		assertThat(recovery).isLessThanOrEqualTo(Duration.ofSeconds(3));
		assertThat(servedAgain).isLessThanOrEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void statementInsideATransactionIsNeverRetriedOnAnotherNode() {
		ClusterNode[] stopped = new ClusterNode[1];
		try {
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> this.service.readOnlyTransactionAround((first) -> {
					stopped[0] = cluster.nodes().stream().filter((node) -> node.port() == first.port()).findFirst().orElseThrow();
					cluster.stop(stopped[0]);
				}));
		}
		finally {
			cluster.start(stopped[0]);
			Waiting.until(stopped[0].name() + " back in rotation", Duration.ofSeconds(10), () -> status(stopped[0]).readable());
		}
		// The next transaction starts afresh, on a node that is up.
		ServedBy[] probes = this.service.readOnlyTransactionAround((first) -> {
		});
		assertThat(probes[1]).isEqualTo(probes[0]);
	}

	@Test
	void healthChecksUseConnectionsOfTheirOwn() {
		// One connection per node, opened by the monitor itself and named for pg_stat_activity:
		// never one of the pools' connections, which carry no application name.
		for (ClusterNode node : cluster.nodes()) {
			Waiting.until("one health-check connection to " + node.name(), Duration.ofSeconds(5),
					() -> healthConnections(node) == 1);
		}
		for (int i = 0; i < 5; i++) {
			for (ClusterNode node : cluster.nodes()) {
				assertThat(healthConnections(node)).as(node.name()).isLessThanOrEqualTo(1);
			}
		}
	}

	private static int healthConnections(ClusterNode node) {
		try (Connection connection = node.dataSource().getConnection();
				ResultSet result = connection.createStatement()
					.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'replication-health'")) {
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
