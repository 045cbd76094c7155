package dev.replication.embedded;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for stopping, starting, promoting and rebuilding nodes, on a cluster of their own: they
 * change its topology step by step, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverTests {

	private static EmbeddedReplicationCluster cluster;

	private static ClusterNode formerPrimary;

	private static ClusterNode promoted;

	private static ClusterNode follower;

	@BeforeAll
	static void startCluster() throws SQLException {
		cluster = EmbeddedReplicationCluster.builder().replicas(2).start();
		Sql.execute(cluster.primary(), "CREATE TABLE failover_test (id serial PRIMARY KEY, note text)");
		cluster.awaitReplication();
		formerPrimary = cluster.primary();
		promoted = cluster.replica(0);
		follower = cluster.replica(1);
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	@Order(1)
	void stoppedReplicaRefusesConnectionsAndCatchesUpAfterStart() throws SQLException {
		cluster.stop(follower);
		assertThat(follower.isRunning()).isFalse();
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> Sql.query(follower, "SELECT 1"));
		Sql.execute(cluster.primary(), "INSERT INTO failover_test (note) VALUES ('while-stopped')");
		cluster.start(follower);
		cluster.awaitReplication();
		assertThat(Sql.query(follower, "SELECT count(*) FROM failover_test WHERE note = 'while-stopped'")).isEqualTo("1");
	}

	@Test
	@Order(2)
	void promotedReplicaAcceptsWritesAndTheOtherReplicaFollowsIt() throws SQLException {
		Sql.execute(formerPrimary, "INSERT INTO failover_test (note) VALUES ('before-failover')");
		cluster.awaitReplication();
		cluster.stop(formerPrimary);
		cluster.promote(promoted);

		assertThat(cluster.primary()).isSameAs(promoted);
		assertThat(cluster.replicas()).containsExactly(follower);
		assertThat(Sql.query(promoted, "SELECT pg_is_in_recovery()")).isEqualTo("f");
		Sql.execute(promoted, "INSERT INTO failover_test (note) VALUES ('after-failover')");
		cluster.awaitReplication();
		assertThat(Sql.query(follower, "SELECT string_agg(note, ',' ORDER BY id) FROM failover_test"))
			.endsWith("before-failover,after-failover");
		assertThat(Sql.query(follower, "SELECT pg_is_in_recovery()")).isEqualTo("t");
		assertThat(Sql.query(promoted, "SELECT application_name FROM pg_stat_replication")).isEqualTo(follower.name());
	}

	@Test
	@Order(3)
	void formerPrimaryRebuiltAsReplicaFollowsTheNewPrimary() throws SQLException {
		cluster.rebuildAsReplica(formerPrimary);
		Sql.execute(promoted, "INSERT INTO failover_test (note) VALUES ('after-rebuild')");
		cluster.awaitReplication();
		assertThat(cluster.replicas()).containsExactlyInAnyOrder(formerPrimary, follower);
		assertThat(Sql.query(formerPrimary, "SELECT pg_is_in_recovery()")).isEqualTo("t");
		assertThat(Sql.query(formerPrimary, "SELECT count(*) FROM failover_test WHERE note = 'after-rebuild'"))
			.isEqualTo("1");
	}

}
