package dev.replication.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Small JDBC helpers for tests: one statement on one node.
 */
final class Sql {

	private Sql() {
	}

	static void execute(ClusterNode node, String sql) throws SQLException {
		try (Connection connection = node.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static String query(ClusterNode node, String sql) throws SQLException {
		try (Connection connection = node.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

	static long count(ClusterNode node, String table) throws SQLException {
		return Long.parseLong(query(node, "SELECT count(*) FROM " + table));
	}

}
