package dev.replication.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.cluster.ReplicationTopology;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.routing.ReplicationRoutingDataSource;
import dev.replication.testapp.ProbeService;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.Waiting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health check of the primary cannot connect for a reason that says nothing about the
 * primary being down: its role has reached its connection limit ({@code 53300}), all taken by the
 * application's pool, whose connections keep working. The primary must stay the primary.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "replication.hikari.maximum-pool-size=4", "replication.hikari.minimum-idle=4" })
@DirtiesContext
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HealthCheckTroubleIntegrationTests {

	static EmbeddedReplicationCluster cluster;

	@Autowired
	ProbeService service;

	@Autowired
	ReplicationTopology topology;

	@Autowired
	ReplicationDataSource dataSource;

	@DynamicPropertySource
	static void startClusterWithAnApplicationRole(DynamicPropertyRegistry registry) throws Exception {
		cluster = EmbeddedReplicationCluster.builder().replicas(1).start();
		execute(cluster.primary(), "CREATE ROLE app LOGIN", "GRANT ALL ON SCHEMA public TO app");
		cluster.awaitReplication();
		registry.add("replication.primary.url", () -> cluster.primary().jdbcUrl());
		registry.add("replication.primary.username", () -> "app");
		registry.add("replication.replicas[0].url", () -> cluster.replica(0).jdbcUrl());
		registry.add("replication.replicas[0].name", () -> cluster.replica(0).name());
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	void checkRefusedForTooManyConnectionsDoesNotRemoveAPrimaryWhoseConnectionsWork() throws Exception {
		ClusterNode primary = cluster.primary();
		assertThat(this.service.writeAndProbe("before").port()).isEqualTo(primary.port());
		HikariDataSource pool = primaryPool();
		Waiting.until("the primary's pool full", Duration.ofSeconds(10),
				() -> pool.getHikariPoolMXBean().getTotalConnections() == 4);
		// The pool's 4 connections and the check's: the check may not connect again.
		execute(primary, "ALTER ROLE app CONNECTION LIMIT 4",
				"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'replication-health'");
		try {
			Waiting.until("the check refused", Duration.ofSeconds(5),
					() -> String.valueOf(this.topology.getNodes().get(0).lastError()).contains("too many connections"));
			long refused = System.nanoTime();
			int writes = 0;
			while (System.nanoTime() - refused < TimeUnit.SECONDS.toNanos(4)) {
				assertThat(this.topology.getPrimary()).as("the primary, %s", this.topology.getNodes().get(0))
					.contains(primary.name());
				assertThat(this.service.writeAndProbe("while the check is refused").port()).isEqualTo(primary.port());
				writes++;
				Thread.sleep(20);
			}
			System.out.printf("MEASURED health-check-trouble: %d writes in 4 s while the check was refused (%s)%n",
					writes, this.topology.getNodes().get(0).lastError());
		}
		finally {
			execute(primary, "ALTER ROLE app CONNECTION LIMIT -1");
		}
	}

	private HikariDataSource primaryPool() throws SQLException {
		DataSource pool = this.dataSource.unwrap(ReplicationRoutingDataSource.class)
			.getNodes()
			.get(cluster.primary().name());
		return (HikariDataSource) pool;
	}

	private static void execute(ClusterNode node, String... statements) throws SQLException {
		try (Connection connection = node.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
