package dev.replication.embedded;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for a cluster started with a synchronous standby, on a cluster of its own: which
 * commits wait for a standby, and that a promoted replica waits for the others in turn. The
 * promotion comes last.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SynchronousClusterTests {

	private static EmbeddedReplicationCluster cluster;

	@BeforeAll
	static void startCluster() throws SQLException {
		cluster = EmbeddedReplicationCluster.builder().replicas(2).synchronousStandbys(1).start();
		Sql.execute(cluster.primary(), "CREATE TABLE sync_test (id serial PRIMARY KEY, note text)");
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	@Order(1)
	void primaryCountsEitherReplicaAsItsSynchronousStandby() throws SQLException {
		assertThat(cluster.synchronousStandbys()).isEqualTo(1);
		assertThat(Sql.query(cluster.primary(), "SHOW synchronous_standby_names"))
			.isEqualTo("ANY 1 (\"replica-1\", \"replica-2\")");
		assertThat(Sql.query(cluster.primary(),
				"SELECT string_agg(application_name || ':' || sync_state, ',' ORDER BY application_name) FROM pg_stat_replication"))
			.isEqualTo("replica-1:quorum,replica-2:quorum");
	}

	@Test
	@Order(2)
	void pausedReplayDoesNotHoldCommitsBack() throws Exception {
		cluster.pauseReplay(cluster.replica(0));
		cluster.pauseReplay(cluster.replica(1));
		try {
			long started = System.nanoTime();
			insertInBackground("while-paused").get(10, TimeUnit.SECONDS);
			System.out.printf("MEASURED sync-standby: commit with both replays paused took %d ms%n",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			assertThat(Sql.query(cluster.replica(0), "SELECT count(*) FROM sync_test WHERE note = 'while-paused'"))
				.as("not yet replayed: the replica is paused")
				.isEqualTo("0");
		}
		finally {
			cluster.resumeReplay(cluster.replica(0));
			cluster.resumeReplay(cluster.replica(1));
		}
	}

	@Test
	@Order(3)
	void commitWaitsWhileNoStandbyStreamsAndCompletesWhenOneReturns() throws Exception {
		ClusterNode first = cluster.replica(0);
		ClusterNode second = cluster.replica(1);
		cluster.stop(first);
		cluster.stop(second);
		try {
			CompletableFuture<Void> insert = insertInBackground("waiting");
			Thread.sleep(1000);
			assertThat(insert).as("commit without a standby").isNotDone();
			assertThat(Sql.query(cluster.primary(), "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'SyncRep'"))
				.isEqualTo("1");
			long started = System.nanoTime();
			cluster.start(first);
			insert.get(20, TimeUnit.SECONDS);
			System.out.printf("MEASURED sync-standby: waiting commit acknowledged %d ms after a standby started%n",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
		finally {
			cluster.start(first);
			cluster.start(second);
		}
	}

	@Test
	@Order(4)
	void promotedReplicaWaitsForTheOtherNodesIncludingTheRebuiltFormerPrimary() throws Exception {
		ClusterNode former = cluster.primary();
		ClusterNode promoted = cluster.replica(0);
		ClusterNode follower = cluster.replica(1);
		cluster.stop(former);
		cluster.promote(promoted);
		assertThat(Sql.query(promoted, "SHOW synchronous_standby_names")).isEqualTo("ANY 1 (\"primary\", \"replica-2\")");
		insertInBackground("after-promotion").get(20, TimeUnit.SECONDS);
		assertThat(Sql.query(promoted, "SELECT application_name || ':' || sync_state FROM pg_stat_replication"))
			.isEqualTo(follower.name() + ":quorum");

		cluster.rebuildAsReplica(former);
		insertInBackground("after-rebuild").get(20, TimeUnit.SECONDS);
		assertThat(Sql.query(promoted,
				"SELECT string_agg(application_name || ':' || sync_state, ',' ORDER BY application_name) FROM pg_stat_replication"))
			.isEqualTo("primary:quorum,replica-2:quorum");
	}

	private static CompletableFuture<Void> insertInBackground(String note) {
		ClusterNode primary = cluster.primary();
		return CompletableFuture.runAsync(() -> {
			try {
				Sql.execute(primary, "INSERT INTO sync_test (note) VALUES ('" + note + "')");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
