package dev.replication.routing;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.embedded.SharedReplicationCluster;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A read-only caller kept on the primary in auto-commit mode gets a read-only session; the next
 * user of the same pooled connection (a pool of one) always gets a read-write one, whatever the
 * read-only caller did with the connection. (Without schema migrations, which would need a
 * second connection.)
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "replication.primary.hikari.maximum-pool-size=1", "spring.flyway.enabled=false" })
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReadOnlySessionIntegrationTests {

	@DynamicPropertySource
	static void primaryOnly(DynamicPropertyRegistry registry) {
		registry.add("replication.primary.url", () -> SharedReplicationCluster.get().primary().jdbcUrl());
		registry.add("replication.primary.username", () -> SharedReplicationCluster.get().primary().username());
	}

	@Autowired
	private ReplicationDataSource dataSource;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@BeforeEach
	void createTable() {
		this.jdbcTemplate.execute("CREATE TABLE IF NOT EXISTS read_only_session_probe (body text)");
	}

	@Test
	void writeUnderReadOnlyOnThePrimaryIsRefused() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> RoutingContextHolder.call(RoutingIntent.READ_ONLY,
					() -> this.jdbcTemplate.update("INSERT INTO read_only_session_probe (body) VALUES ('under read-only')")))
			.withMessageContaining("read-only transaction");
	}

	@Test
	void writerAfterAReadOnlyCallerThatLeftATransactionOpenWrites() throws Exception {
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			try (Connection connection = this.dataSource.getConnection()) {
				// A streaming read (fetch size needs a transaction), closed without commit.
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement.setFetchSize(10);
					statement.executeQuery("SELECT body FROM read_only_session_probe").close();
				}
			}
			return null;
		});
		assertThat(this.jdbcTemplate.update("INSERT INTO read_only_session_probe (body) VALUES ('after a read-only caller')")).isOne();
	}

	@Test
	void writerAfterAReadOnlyCallerThatRolledBackWrites() throws Exception {
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement.executeQuery("SELECT 1").close();
				}
				connection.rollback();
				connection.setAutoCommit(true);
			}
			return null;
		});
		assertThat(this.jdbcTemplate.update("INSERT INTO read_only_session_probe (body) VALUES ('after a rollback')")).isOne();
	}

}
