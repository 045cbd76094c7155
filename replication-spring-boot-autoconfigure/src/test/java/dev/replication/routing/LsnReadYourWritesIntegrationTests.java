package dev.replication.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import dev.replication.context.RoutingContextHolder;
import dev.replication.embedded.ClusterNode;
import dev.replication.testapp.DecisionRecorder;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.WriteThenRead;
import dev.replication.testapp.WriteThenRead.ReadBack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes in lsn mode (the default) against the real primary and replicas, with replay
 * paused whenever a read follows a write: a caller's read goes to a replica that has replayed its
 * writes, to the primary while none has, and back to replicas as soon as one has (no window).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(DecisionRecorder.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LsnReadYourWritesIntegrationTests extends LsnClusterTestSupport {

	@Autowired
	private DecisionRecorder decisions;

	private WriteThenRead workload;

	@BeforeEach
	void newWorkloadPerTest() {
		this.workload = newWorkload();
		assertThat(this.router.readYourWrites().mode()).isEqualTo(ReadYourWritesMode.LSN);
	}

	@Test
	void readAfterAWriteNoReplicaReplayedIsServedByThePrimaryThenByAReplicaOnceReplayed() throws Exception {
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		try {
			pauseAll();
			long id = this.workload.write("paused everywhere");
			assertThat(this.router.requiredPosition()).as("the caller's token").isPositive();
			ReadBack onPrimary = this.workload.read(id);
			RoutingDecision decision = this.decisions.take();
			assertThat(onPrimary.found()).isTrue();
			assertThat(onPrimary.node()).isEqualTo("primary");
			assertThat(decision.reason()).isEqualTo(RoutingDecision.Reason.NOT_REPLAYED);
			assertThat(decision).hasToString("primary (no replica has replayed the caller's writes)");

			this.cluster.replicas().forEach(this.cluster::resumeReplay);
			this.cluster.awaitReplication();
			long resumed = System.nanoTime();
			ReadBack onReplica = this.workload.read(id);
			System.out.println("MEASURED lsn read-your-writes: read served by " + onReplica.node() + " "
					+ (System.nanoTime() - resumed) / 1_000 + " us after replay caught up (no window to wait out)");
			assertThat(onReplica.found()).isTrue();
			assertThat(onReplica.replica()).isTrue();
			assertThat(this.decisions.take().reason()).isEqualTo(RoutingDecision.Reason.READ_ONLY_ANNOTATION);
		}
		finally {
			RoutingContextHolder.exit(caller);
		}
	}

	@Test
	void readAfterAWriteGoesToTheReplicaThatReplayedIt() throws Exception {
		ClusterNode behind = this.cluster.replica(0);
		this.cluster.pauseReplay(behind);
		int fromReplica = 0;
		for (int i = 0; i < 6; i++) {
			// Round-robin starts on either replica: the paused one is asked, found behind, and skipped.
			// The other serves the read once it has replayed the write, which on a loaded machine may
			// take longer than the read-back waits (max-wait 0): then the primary serves it.
			ReadBack read = this.workload.once("one replica paused " + i);
			RoutingDecision decision = this.decisions.take();
			assertThat(read.found()).as("stale read from %s", read.node()).isTrue();
			assertThat(read.node()).isNotEqualTo(behind.name());
			if (!decision.primary()) {
				assertThat(read.node()).isEqualTo(this.cluster.replica(1).name());
				fromReplica++;
			}
		}
		System.out.printf("MEASURED one replica paused: %d of 6 read-backs served by the replica that replayed "
				+ "the write, the others by the primary%n", fromReplica);
		assertThat(fromReplica).isPositive();
	}

	@Test
	void aCallerThatWroteNothingReadsFromAnyReplica() throws Exception {
		pauseAll();
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		try {
			assertThat(this.router.requiredPosition()).isZero();
			assertThat(this.workload.read(1).replica()).isTrue();
		}
		finally {
			RoutingContextHolder.exit(caller);
		}
	}

	@Test
	void readOnlyTransactionAfterAWriteIsNeverServedByAReplicaBehindIt() throws Exception {
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		try {
			pauseAll();
			long id = this.workload.write("read in a read-only transaction");
			org.springframework.transaction.support.TransactionTemplate readOnly = new org.springframework.transaction.support.TransactionTemplate(
					this.transactionManager);
			readOnly.setReadOnly(true);
			Long found = readOnly.execute((status) -> this.jdbcTemplate
				.queryForObject("SELECT count(*) FROM note WHERE id = ?", Long.class, id));
			assertThat(found).isEqualTo(1);
			assertThat(this.decisions.take().reason()).isEqualTo(RoutingDecision.Reason.NOT_REPLAYED);
		}
		finally {
			RoutingContextHolder.exit(caller);
		}
	}

	@Test
	void writesCostNoQueryAndTheReadAfterThemPlacesTheTokenPastBothCommits() throws Exception {
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		try {
			pauseAll();
			long queriesBefore = this.router.readYourWritesStats().positionQueries();
			long id = this.workload.write("committed once");
			this.workload.write("committed twice");
			assertThat(this.router.requiredPosition()).as("no position read at commit")
				.isEqualTo(ReplicationRouter.UNPLACED);
			long committed = primaryPosition();
			ReadBack read = this.workload.read(id);
			assertThat(read.found()).isTrue();
			assertThat(read.node()).as("paused replicas have not replayed the writes").isEqualTo("primary");
			assertThat(this.router.requiredPosition()).as("placed by the read, past both commits")
				.isGreaterThanOrEqualTo(committed)
				.isLessThan(ReplicationRouter.UNPLACED);
			// One query, unless a check of the health monitor's came between the write and the read.
			assertThat(this.router.readYourWritesStats().positionQueries() - queriesBefore).isLessThanOrEqualTo(1);
			// Both rows were committed (not left open or rolled back when the connection was returned).
			try (Connection connection = this.cluster.primary().dataSource().getConnection();
					ResultSet rows = connection.createStatement()
						.executeQuery("SELECT count(*) FROM note WHERE id >= " + id)) {
				rows.next();
				assertThat(rows.getLong(1)).isEqualTo(2);
			}
		}
		finally {
			RoutingContextHolder.exit(caller);
		}
	}

	@Test
	void aTokenTheHealthMonitorPlacedCostsTheReadNoQuery() throws Exception {
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		try {
			long id = this.workload.write("placed by the monitor");
			long returned = System.nanoTime();
			long committed = primaryPosition();
			this.cluster.awaitReplication();
			// The monitor checks every node each interval: wait for a view of the primary read after the write.
			long deadline = returned + TimeUnit.SECONDS.toNanos(30);
			while ((this.router.view().primaryPosition() < 0 || this.router.view().primaryPositionReadAt() - returned < 0)
					&& System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			long queriesBefore = this.router.readYourWritesStats().positionQueries();
			ReadBack read = this.workload.read(id);
			assertThat(read.found()).isTrue();
			assertThat(this.router.requiredPosition()).isGreaterThanOrEqualTo(committed)
				.isLessThan(ReplicationRouter.UNPLACED);
			assertThat(this.router.readYourWritesStats().positionQueries()).isEqualTo(queriesBefore);
		}
		finally {
			RoutingContextHolder.exit(caller);
		}
	}

	@Test
	void writeMadeOnTheDriversOwnConnectionIsReadBackFresh() throws Exception {
		// As code using the driver's API does (COPY, large objects): statements on what unwrap returns.
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		try {
			pauseAll();
			org.springframework.transaction.support.TransactionTemplate transaction = new org.springframework.transaction.support.TransactionTemplate(
					this.transactionManager);
			Long id = transaction.execute((status) -> this.jdbcTemplate
				.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) (connection) -> {
					Connection driver = (Connection) connection.unwrap(org.postgresql.PGConnection.class);
					try (java.sql.PreparedStatement insert = driver
						.prepareStatement("INSERT INTO note (body) VALUES ('through the driver') RETURNING id");
							ResultSet inserted = insert.executeQuery()) {
						inserted.next();
						return inserted.getLong(1);
					}
				}));
			ReadBack read = this.workload.read(id);
			assertThat(read.found()).as("stale read from %s", read.node()).isTrue();
			assertThat(read.node()).isEqualTo("primary");
			assertThat(this.decisions.take().reason()).isEqualTo(RoutingDecision.Reason.NOT_REPLAYED);
		}
		finally {
			RoutingContextHolder.exit(caller);
		}
	}

	private long primaryPosition() throws SQLException {
		try (Connection connection = this.cluster.primary().dataSource().getConnection();
				ResultSet position = connection.createStatement().executeQuery("SELECT pg_current_wal_lsn()::text")) {
			position.next();
			return dev.replication.support.WalLsn.parse(position.getString(1));
		}
	}

	private void pauseAll() {
		this.cluster.replicas().forEach(this.cluster::pauseReplay);
	}

}
