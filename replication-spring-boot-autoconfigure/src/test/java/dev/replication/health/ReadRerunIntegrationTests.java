package dev.replication.health;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import com.zaxxer.hikari.HikariDataSource;
import dev.replication.embedded.ClusterNode;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.routing.ReplicationRoutingDataSource;
import dev.replication.testapp.Waiting;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A read that is only slow (its socket times out) or whose backend was ended on its own
 * ({@code pg_terminate_backend}) is no node failure: it marks no replica down, and is run again
 * at most once, and only for a lost connection.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "replication.hikari.data-source-properties.socketTimeout=2")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@Import(ReadRerunIntegrationTests.Connections.class)
class ReadRerunIntegrationTests extends ClusterOfItsOwnIntegrationTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private Connections connections;

	@Autowired
	private ReplicationDataSource dataSource;

	@Test
	void slowReadMarksNoReplicaDownAndIsNotRunAgain() throws Exception {
		cluster.awaitReplication();
		Set<String> seenDown = ConcurrentHashMap.newKeySet();
		AtomicBoolean watching = new AtomicBoolean(true);
		Thread watcher = new Thread(() -> {
			while (watching.get()) {
				this.topology.getNodes().stream().filter((node) -> !node.up()).forEach((node) -> seenDown.add(node.name()));
				try {
					Thread.sleep(2);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		watcher.start();
		long started = System.nanoTime();
		try {
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> RoutingContextHolder.call(
					RoutingIntent.READ_ONLY, () -> this.jdbcTemplate.queryForObject("SELECT pg_sleep(4)::text", String.class)));
		}
		finally {
			watching.set(false);
			watcher.join();
		}
		Duration failedAfter = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("MEASURED slow-read: failed after %d ms; nodes seen down meanwhile: %s%n", failedAfter.toMillis(),
				seenDown);
		assertThat(seenDown).as("nodes seen down").isEmpty();
		for (ClusterNode replica : cluster.replicas()) {
			assertThat(status(replica).readable()).as(replica.name() + " readable").isTrue();
		}
		assertThat(failedAfter).as("one socket timeout, no re-run").isLessThan(Duration.ofMillis(3900));
	}

	@Test
	void readWhoseBackendWasTerminatedRunsAgainOnceAndMarksNoReplicaDown() throws Exception {
		cluster.awaitReplication();
		int before = this.connections.count.get();
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> RoutingContextHolder
			.call(RoutingIntent.READ_ONLY, () -> this.jdbcTemplate.queryForObject(
					"SELECT pg_terminate_backend(pg_backend_pid())::text", String.class)));
		int runs = this.connections.count.get() - before;
		System.out.printf("MEASURED terminated-read: run on %d connections; %s%n", runs, this.topology.getNodes());
		assertThat(runs).as("the read and at most one re-run").isEqualTo(2);
		for (ClusterNode replica : cluster.replicas()) {
			assertThat(status(replica).up()).as(replica.name() + " up").isTrue();
		}
	}

	@Test
	void readRunAgainAfterASettingThatCannotBeReplayedLeavesNoConnectionOutOfItsPool() throws Exception {
		cluster.awaitReplication();
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			try (Connection connection = this.dataSource.getConnection()) {
				assertThatExceptionOfType(SQLException.class).isThrownBy(connection::setSavepoint);
				try (Statement statement = connection.createStatement()) {
					statement.executeQuery("SELECT pg_terminate_backend(pg_backend_pid())");
				}
				catch (SQLException expected) {
					// Ended by the server, and not run again.
				}
			}
			return null;
		});
		Map<String, DataSource> pools = this.dataSource.unwrap(ReplicationRoutingDataSource.class).getNodes();
		Waiting.until("every connection back in its pool", Duration.ofSeconds(5), () -> pools.values()
			.stream()
			.allMatch((pool) -> ((HikariDataSource) pool).getHikariPoolMXBean() == null
					|| ((HikariDataSource) pool).getHikariPoolMXBean().getActiveConnections() == 0));
	}

	@Test
	void readRunAgainOnAnotherNodeKeepsTheConnectionsSettingsAndTheStatementsParameters() throws Exception {
		Waiting.until("a replica serves reads", Duration.ofSeconds(10),
				() -> !this.dataSource.getRoutingDataSource().getRouter().view().readable().isEmpty());
		String result = RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			try (Connection connection = this.dataSource.getConnection()) {
				// The URL names the first node without running a query, which would end the re-run window.
				String url = connection.getMetaData().getURL();
				int firstPort = Integer.parseInt(url.replaceAll("^.*:(\\d+)/.*$", "$1"));
				connection.setSchema("pg_catalog");
				try (PreparedStatement statement = connection.prepareStatement("SELECT CASE WHEN inet_server_port() = ? "
						+ "THEN pg_terminate_backend(pg_backend_pid())::text "
						+ "ELSE current_setting('search_path') || '/' || ? END")) {
					statement.setInt(1, firstPort);
					statement.setString(2, "parameter");
					try (ResultSet rows = statement.executeQuery()) {
						assertThat(rows.next()).isTrue();
						return rows.getString(1);
					}
				}
			}
		});
		// Ended on the first node, answered by another with the schema and both parameters replayed.
		assertThat(result).contains("pg_catalog").endsWith("/parameter");
	}

	@Test
	void statementsAfterTheFirstQueryAreTheDriversOwnWithNoReRunBookkeeping() throws Exception {
		Waiting.until("a replica serves reads", Duration.ofSeconds(10),
				() -> !this.dataSource.getRoutingDataSource().getRouter().view().readable().isEmpty());
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement first = connection.createStatement()) {
					// Watched: the first query may still be run again on another node.
					assertThat(Proxy.isProxyClass(first.getClass())).isTrue();
					first.executeQuery("SELECT 1").close();
				}
				try (Statement second = connection.createStatement()) {
					assertThat(Proxy.isProxyClass(second.getClass())).isFalse();
					assertThat(second.executeQuery("SELECT 1").next()).isTrue();
				}
			}
			return null;
		});
	}

	/**
	 * Counts the connections handed out.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Connections {

		final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

		@Bean
		dev.replication.routing.RoutingListener countingListener() {
			return (decision) -> this.count.incrementAndGet();
		}

	}

}
