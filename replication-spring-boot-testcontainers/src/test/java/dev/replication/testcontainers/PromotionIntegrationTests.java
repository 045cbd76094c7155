package dev.replication.testcontainers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.replication.routing.NoPrimaryAvailableException;
import dev.replication.testcontainers.NotesApplication.Notes;
import dev.replication.testcontainers.NotesApplication.Served;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The primary's container stops and a replica is promoted: the running application writes to
 * it without a restart, and the other replica follows it. The test owns its container set, which
 * it leaves with a new primary.
 */
@SpringBootTest(classes = NotesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "replication.health.interval=200ms", "replication.failover.max-wait=1s" })
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PromotionIntegrationTests {

	@Container
	@ServiceConnection
	static ReplicatedPostgreSQLContainers postgres = new ReplicatedPostgreSQLContainers(TestImages.postgres())
		.withReplicas(2);

	@Autowired
	private Notes notes;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void promotedReplicaTakesWritesWithoutRestartAndTheOtherReplicaFollowsIt() {
		this.jdbcTemplate.execute(NotesApplication.SCHEMA);
		assertThat(this.notes.write("before").node()).isEqualTo("primary");
		postgres.awaitReplication();

		postgres.stopNode("primary");
		postgres.promote("replica-1");
		long promoted = System.nanoTime();
		AtomicInteger refused = new AtomicInteger();
		AtomicReference<Served> write = new AtomicReference<>();
		Waiting.until("a write on replica-1", Duration.ofSeconds(30), () -> {
			try {
				write.set(this.notes.write("after"));
				return true;
			}
			catch (NoPrimaryAvailableException ex) {
				refused.incrementAndGet();
				return false;
			}
		});
		System.out.printf("MEASURED testcontainers-promotion: write on %s %d ms after promotion (%d refused)%n",
				write.get().node(), Duration.ofNanos(System.nanoTime() - promoted).toMillis(), refused.get());
		assertThat(write.get().node()).isEqualTo("replica-1");
		assertThat(write.get().inRecovery()).isFalse();
		assertThat(postgres.getPrimaryName()).isEqualTo("replica-1");
		assertThat(postgres.getReplicaNames()).containsExactly("replica-2");

		postgres.awaitReplication();
		Integer onFollower = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
				postgres.getJdbcUrl("replica-2"), postgres.getUsername(), postgres.getPassword()))
			.queryForObject("SELECT count(*) FROM note WHERE id = ?", Integer.class, write.get().id());
		assertThat(onFollower).as("the new primary's write on replica-2").isOne();
	}

}
