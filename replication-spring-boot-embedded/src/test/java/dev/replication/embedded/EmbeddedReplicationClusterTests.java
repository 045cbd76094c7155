package dev.replication.embedded;

import java.sql.SQLException;

import dev.replication.embedded.junit.EmbeddedReplicationClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EmbeddedReplicationCluster} on the shared cluster: replication is real.
 */
@ExtendWith(EmbeddedReplicationClusterExtension.class)
class EmbeddedReplicationClusterTests {

	@BeforeAll
	static void createTable(EmbeddedReplicationCluster cluster) throws SQLException {
		Sql.execute(cluster.primary(), "CREATE TABLE IF NOT EXISTS cluster_test (id serial PRIMARY KEY, note text)");
		cluster.awaitReplication();
	}

	@Test
	void startsOnePrimaryAndTwoReplicas(EmbeddedReplicationCluster cluster) {
		assertThat(cluster.primary().name()).isEqualTo("primary");
		assertThat(cluster.replicas()).extracting(ClusterNode::name).containsExactly("replica-1", "replica-2");
		assertThat(cluster.nodes()).extracting(ClusterNode::port).doesNotHaveDuplicates();
		assertThat(cluster.nodes()).allMatch(ClusterNode::isRunning);
	}

	@Test
	void rowWrittenOnThePrimaryAppearsOnBothReplicas(EmbeddedReplicationCluster cluster) throws SQLException {
		Sql.execute(cluster.primary(), "INSERT INTO cluster_test (note) VALUES ('replicated')");
		cluster.awaitReplication();
		for (ClusterNode replica : cluster.replicas()) {
			assertThat(Sql.query(replica, "SELECT count(*) FROM cluster_test WHERE note = 'replicated'"))
				.as(replica.name())
				.isNotEqualTo("0");
		}
	}

	@Test
	void primaryIsNotInRecoveryAndEachReplicaIs(EmbeddedReplicationCluster cluster) throws SQLException {
		assertThat(Sql.query(cluster.primary(), "SELECT pg_is_in_recovery()")).isEqualTo("f");
		for (ClusterNode replica : cluster.replicas()) {
			assertThat(Sql.query(replica, "SELECT pg_is_in_recovery()")).as(replica.name()).isEqualTo("t");
			assertThat(Sql.query(replica, "SELECT status FROM pg_stat_wal_receiver")).as(replica.name())
				.isEqualTo("streaming");
		}
		assertThat(Sql.query(cluster.primary(), "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"))
			.isEqualTo("2");
	}

	@Test
	void replicaRefusesWrites(EmbeddedReplicationCluster cluster) throws SQLException {
		long before = Sql.count(cluster.primary(), "cluster_test");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> Sql.execute(cluster.replica(0), "INSERT INTO cluster_test (note) VALUES ('refused')"))
			.withMessageContaining("read-only transaction");
		assertThat(Sql.count(cluster.primary(), "cluster_test")).isEqualTo(before);
	}

	@Test
	void pausedReplicaDoesNotSeeANewRowUntilReplayResumes(EmbeddedReplicationCluster cluster) throws SQLException {
		ClusterNode lagging = cluster.replica(0);
		ClusterNode other = cluster.replica(1);
		cluster.pauseReplay(lagging);
		try {
			Sql.execute(cluster.primary(), "INSERT INTO cluster_test (note) VALUES ('while-paused')");
			String currentLsn = Sql.query(cluster.primary(), "SELECT pg_current_wal_lsn()");
			waitUntil(() -> "t".equals(Sql.query(other, "SELECT pg_last_wal_replay_lsn() >= '" + currentLsn + "'")));
			assertThat(Sql.query(other, "SELECT count(*) FROM cluster_test WHERE note = 'while-paused'")).isEqualTo("1");
			// The paused replica has received the WAL but not applied it.
			waitUntil(() -> "t".equals(Sql.query(lagging, "SELECT pg_last_wal_receive_lsn() >= '" + currentLsn + "'")));
			assertThat(Sql.query(lagging, "SELECT count(*) FROM cluster_test WHERE note = 'while-paused'")).isEqualTo("0");
		}
		finally {
			cluster.resumeReplay(lagging);
		}
		cluster.awaitReplication();
		assertThat(Sql.query(lagging, "SELECT count(*) FROM cluster_test WHERE note = 'while-paused'")).isEqualTo("1");
	}

	static void waitUntil(SqlCondition condition) throws SQLException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!condition.holds()) {
			assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	interface SqlCondition {

		boolean holds() throws SQLException;

	}

}
