package dev.replication.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.replication.embedded.ClusterNode;
import dev.replication.routing.NoPrimaryAvailableException;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * After a promotion, the old primary comes back unfenced, started again as a primary on the old
 * timeline: it never takes writes, neither next to the promoted node nor once that one is gone.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "replication.failover.max-wait=1s")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TimelineFencingIntegrationTests extends ClusterOfItsOwnIntegrationTests {

	@Test
	void oldPrimaryBackOnALowerTimelineNeverTakesWrites() throws Exception {
		ClusterNode oldPrimary = cluster.primary();
		ClusterNode promoted = cluster.replica(0);
		assertThat(this.service.writeAndProbe("before").port()).isEqualTo(oldPrimary.port());
		cluster.stop(oldPrimary);
		cluster.promote(promoted);
		Duration seen = Waiting.until(promoted.name() + " seen as the primary", Duration.ofSeconds(10),
				() -> this.topology.getPrimary().filter(promoted.name()::equals).isPresent());
		System.out.printf("MEASURED fencing: %s the primary %d ms after promotion, timelines %s on %s, %s on %s%n",
				promoted.name(), seen.toMillis(), timeline(promoted), promoted.name(), "-", oldPrimary.name());

		cluster.start(oldPrimary);
		assertThat(inRecovery(oldPrimary)).as("the old primary is back as a primary").isFalse();
		// Several checks of both nodes: the old one is seen, and fenced.
		Thread.sleep(3000);
		assertThat(this.topology.getPrimary()).as("%s", this.topology.getNodes()).contains(promoted.name());
		assertThat(this.service.writeAndProbe("next to the fenced one").port()).isEqualTo(promoted.port());

		cluster.stop(promoted);
		Waiting.until(promoted.name() + " down", Duration.ofSeconds(10),
				() -> !status(promoted).up());
		Thread.sleep(1500);
		assertThat(this.topology.getPrimary()).as("%s", this.topology.getNodes()).isEmpty();
		assertThatExceptionOfType(NoPrimaryAvailableException.class)
			.isThrownBy(() -> this.service.writeAndProbe("only the fenced one left"));
	}

	private static boolean inRecovery(ClusterNode node) throws Exception {
		try (Connection connection = node.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_is_in_recovery()")) {
			result.next();
			return result.getBoolean(1);
		}
	}

	private static String timeline(ClusterNode node) throws Exception {
		try (Connection connection = node.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT timeline_id, "
						+ "substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) FROM pg_control_checkpoint()")) {
			result.next();
			return "checkpoint " + result.getInt(1) + ", wal file " + result.getString(2);
		}
	}

}
