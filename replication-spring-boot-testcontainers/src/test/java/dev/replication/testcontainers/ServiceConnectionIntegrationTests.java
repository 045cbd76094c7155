package dev.replication.testcontainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.replication.cluster.NodeStatus;
import dev.replication.cluster.ReplicationTopology;
import dev.replication.context.RoutingContextHolder;
import dev.replication.testcontainers.NotesApplication.Notes;
import dev.replication.testcontainers.NotesApplication.Served;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The test a user writes: a container set with {@code @ServiceConnection} gives the application
 * a routing DataSource over a real primary and two real replicas, whose lag and outages the test
 * makes happen with the set's controls. Each fault is undone after its test.
 */
@SpringBootTest(classes = NotesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "replication.health.interval=200ms", "replication.health.max-lag=1s",
				"replication.read-your-writes.max-wait=1s" })
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServiceConnectionIntegrationTests {

	@Container
	@ServiceConnection
	static ReplicatedPostgreSQLContainers postgres = new ReplicatedPostgreSQLContainers(TestImages.postgres())
		.withReplicas(2);

	@Autowired
	private Notes notes;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@BeforeEach
	void createSchema() {
		this.jdbcTemplate.execute(NotesApplication.SCHEMA);
		postgres.awaitReplication();
		Waiting.until("every replica readable", Duration.ofSeconds(30), this::replicasReadable);
	}

	@Autowired
	private ReplicationTopology topology;

	@AfterEach
	void undoFaults() {
		for (String replica : postgres.getReplicaNames()) {
			postgres.startNode(replica);
			postgres.resumeReplay(replica);
		}
		postgres.awaitReplication();
		// The next test starts from a cluster the routing serves whole again.
		Waiting.until("every replica readable", Duration.ofSeconds(30), this::replicasReadable);
	}

	@Test
	void readsAreServedByReplicasAndWritesByThePrimary() {
		Served write = this.notes.write("hello");
		postgres.awaitReplication();
		List<Served> reads = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			reads.add(this.notes.read(write.id()));
		}
		System.out.printf("MEASURED testcontainers-routing: write on %s, reads on %s%n", write.node(),
				reads.stream().map(Served::node).distinct().sorted().toList());
		assertThat(write.node()).isEqualTo("primary");
		assertThat(write.inRecovery()).isFalse();
		assertThat(reads).allSatisfy((read) -> {
			assertThat(read.found()).isTrue();
			assertThat(read.inRecovery()).isTrue();
			assertThat(read.node()).startsWith("replica-");
		});
		assertThat(reads).extracting(Served::node).contains("replica-1", "replica-2");
	}

	@Test
	void pausedReplicaNeverServesAReadOfTheCallersOwnWrite() {
		postgres.pauseReplay("replica-1");
		List<Served> reads = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			reads.add(writeThenRead("read-your-writes " + i));
		}
		Served last = reads.get(reads.size() - 1);
		// The precondition: replica-1 has not the rows, a read there would have been stale.
		Integer onPaused = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
				postgres.getJdbcUrl("replica-1"), postgres.getUsername(), postgres.getPassword()))
			.queryForObject("SELECT count(*) FROM note WHERE id = ?", Integer.class, last.id());
		System.out.printf("MEASURED testcontainers-read-your-writes: 20 reads on %s%n",
				reads.stream().map(Served::node).distinct().sorted().toList());
		assertThat(onPaused).as("row on the paused replica").isZero();
		assertThat(reads).allSatisfy((read) -> {
			assertThat(read.found()).as("row read back").isTrue();
			assertThat(read.node()).isNotEqualTo("replica-1");
		});
		assertThat(reads).extracting(Served::node).as("waited for replica-2").contains("replica-2");
	}

	@Test
	void replicaLaggingPastMaxLagLeavesTheRotation() {
		postgres.pauseReplay("replica-1");
		this.notes.write("lag begins");
		long started = System.nanoTime();
		Served probe = this.notes.write("probe");
		// Plain reads, no token: only the lag the health monitor sees keeps them off replica-1.
		Duration excluded = Waiting.until("10 reads in a row off replica-1", Duration.ofSeconds(30), () -> {
			for (int i = 0; i < 10; i++) {
				if (readWithoutToken(probe.id()).node().equals("replica-1")) {
					return false;
				}
			}
			return true;
		});
		System.out.printf("MEASURED testcontainers-lag: replica-1 out of rotation %d ms after the write%n",
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		List<Served> reads = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			reads.add(readWithoutToken(probe.id()));
		}
		assertThat(excluded).isLessThan(Duration.ofSeconds(30));
		assertThat(reads).allSatisfy((read) -> assertThat(read.node()).isNotEqualTo("replica-1"));
	}

	@Test
	void stoppedReplicaCostsNoFailedRead() {
		Served write = this.notes.write("outage");
		postgres.awaitReplication();
		postgres.stopNode("replica-1");
		List<Served> reads = new ArrayList<>();
		List<Exception> failures = new ArrayList<>();
		long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		while (System.nanoTime() < until) {
			try {
				reads.add(readWithoutToken(write.id()));
			}
			catch (Exception ex) {
				failures.add(ex);
			}
		}
		System.out.printf("MEASURED testcontainers-stopped-replica: %d reads on %s, %d failed%n", reads.size(),
				reads.stream().map(Served::node).distinct().sorted().toList(), failures.size());
		assertThat(failures).isEmpty();
		assertThat(reads).isNotEmpty().allSatisfy((read) -> {
			assertThat(read.found()).isTrue();
			assertThat(read.node()).isNotEqualTo("replica-1");
		});
	}

	/**
	 * Write a note and read it back as one caller, whose writes read-your-writes keeps: both
	 * calls go through the service's proxy, inside one outermost routed call.
	 */
	private Served writeThenRead(String body) {
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		try {
			return this.notes.read(this.notes.write(body).id());
		}
		finally {
			RoutingContextHolder.exit(caller);
		}
	}

	private boolean replicasReadable() {
		return this.topology.getNodes()
			.stream()
			.filter((node) -> postgres.getReplicaNames().contains(node.name()))
			.allMatch(NodeStatus::readable);
	}

	/**
	 * A read in a routed call of its own: no write of this test's thread holds it back.
	 */
	private Served readWithoutToken(long id) {
		return this.notes.read(id);
	}

}
