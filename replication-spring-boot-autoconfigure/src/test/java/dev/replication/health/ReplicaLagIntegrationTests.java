package dev.replication.health;

import java.time.Duration;
import java.util.List;

import dev.replication.cluster.NodeStatus;
import dev.replication.embedded.ClusterNode;
import dev.replication.testapp.ReadLoad;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.Waiting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica whose replay is paused falls behind, is taken out of rotation by the health monitor
 * and comes back once it has caught up.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "replication.health.max-lag-bytes=1MB", "replication.health.max-lag=3s" })
class ReplicaLagIntegrationTests extends ClusterOfItsOwnIntegrationTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void replicaLaggingMoreThanMaxLagBytesServesNoReadsUntilItCatchesUp() throws Exception {
		ClusterNode lagging = cluster.replica(0);
		this.jdbcTemplate.execute("CREATE TABLE IF NOT EXISTS filler (id serial, body text)");
		cluster.awaitReplication();
		cluster.pauseReplay(lagging);
		long excluded;
		try {
			// About 3 MB of WAL: well past the 1 MB limit.
			this.jdbcTemplate.execute("INSERT INTO filler (body) SELECT repeat('x', 1000) FROM generate_series(1, 3000)");
			Duration detection = Waiting.until(lagging.name() + " out of rotation", Duration.ofSeconds(5),
					() -> !status(lagging).readable());
			excluded = System.nanoTime();
			assertThat(status(lagging).up()).isTrue();
			assertThat(status(lagging).lagBytes()).isGreaterThan(1024 * 1024);
			System.out.printf("MEASURED lag-bytes: excluded %d ms after the write%n", detection.toMillis());
			ReadLoad load = new ReadLoad(4, this.service::readOnly);
			Thread.sleep(1000);
			List<ReadLoad.Read> reads = load.stop();
			assertThat(load.failures()).isEmpty();
			assertThat(reads).isNotEmpty().noneMatch((read) -> read.port() == lagging.port());
		}
		finally {
			cluster.resumeReplay(lagging);
		}
		Duration back = Waiting.until(lagging.name() + " back in rotation", Duration.ofSeconds(5),
				() -> status(lagging).readable());
		System.out.printf("MEASURED lag-bytes: back in rotation %d ms after resume%n", back.toMillis());
		assertThat(back).isLessThanOrEqualTo(Duration.ofSeconds(3));
		assertThat(excluded).isPositive();
		Waiting.until(lagging.name() + " serving reads again", Duration.ofSeconds(3),
				() -> this.service.readOnly().port() == lagging.port());
	}

	@Test
	void replicaLaggingLongerThanMaxLagServesNoReadsEvenForASmallWrite() throws Exception {
		ClusterNode lagging = cluster.replica(1);
		cluster.awaitReplication();
		cluster.pauseReplay(lagging);
		try {
			this.jdbcTemplate.update("INSERT INTO note (body) VALUES ('a few bytes')");
			Duration detection = Waiting.until(lagging.name() + " out of rotation", Duration.ofSeconds(8),
					() -> !status(lagging).readable());
			NodeStatus status = status(lagging);
			assertThat(status.lagBytes()).isPositive().isLessThan(1024 * 1024);
			assertThat(status.lag()).isGreaterThan(Duration.ofSeconds(3));
			System.out.printf("MEASURED lag-time: excluded %d ms after the write (max-lag 3s)%n", detection.toMillis());
			for (int i = 0; i < 50; i++) {
				assertThat(this.service.readOnly().port()).isNotEqualTo(lagging.port());
			}
		}
		finally {
			cluster.resumeReplay(lagging);
		}
		Waiting.until(lagging.name() + " back in rotation", Duration.ofSeconds(3), () -> status(lagging).readable());
		assertThat(status(lagging).lag()).isEqualTo(Duration.ZERO);
	}

	@Test
	void idlePrimaryMeansNoLag() throws Exception {
		cluster.awaitReplication();
		Thread.sleep(2500);
		for (ClusterNode replica : cluster.replicas()) {
			assertThat(status(replica).lagBytes()).isZero();
			assertThat(status(replica).lag()).isEqualTo(Duration.ZERO);
			assertThat(status(replica).readable()).isTrue();
		}
	}

}
