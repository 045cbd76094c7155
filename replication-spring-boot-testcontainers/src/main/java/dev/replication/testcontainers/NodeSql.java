package dev.replication.testcontainers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The few statements the container set runs on its nodes, each on a connection of its own.
 */
final class NodeSql {

	private NodeSql() {
	}

	static Connection connect(ContainerNode node) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", node.credentials().username());
		properties.setProperty("password", node.credentials().password());
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection(node.jdbcUrl(), properties);
	}

	static void execute(ContainerNode node, String... statements) {
		try (Connection connection = connect(node); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(node.name() + " - statement failed: " + ex.getMessage(), ex);
		}
	}

	static String queryString(ContainerNode node, String sql) {
		try (Connection connection = connect(node); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(node.name() + " - query failed: " + ex.getMessage(), ex);
		}
	}

	static boolean queryBoolean(ContainerNode node, String sql) {
		try (Connection connection = connect(node); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getBoolean(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(node.name() + " - query failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Wait until {@code node} accepts a login and a query: the image's own set-up is over and a
	 * standby has reached a consistent state.
	 */
	static void awaitReady(ContainerNode node, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			if (!node.container().isRunning()) {
				// A failed base backup or a refused setting: its log says why, no need to wait.
				throw new IllegalStateException(node.name() + " - container exited: " + node.container().getLogs());
			}
			try (Connection connection = connect(node); Statement statement = connection.createStatement()) {
				statement.execute("SELECT 1");
				return;
			}
			catch (SQLException ex) {
				last = ex;
			}
			sleep(200);
		}
		throw new IllegalStateException(node.name() + " - not ready within " + timeout
				+ ((last != null) ? ": " + last.getMessage() : ""), last);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
