package dev.replication.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One administrative statement on one node, over a connection of its own, with failures that
 * name the node.
 */
final class NodeSql {

	private NodeSql() {
	}

	static void execute(ClusterNode node, String sql) {
		try (Connection connection = node.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(node.name() + " - " + sql + " failed: " + ex.getMessage(), ex);
		}
	}

	static String queryString(ClusterNode node, String sql) {
		try (Connection connection = node.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(node.name() + " - " + sql + " failed: " + ex.getMessage(), ex);
		}
	}

	static boolean queryBoolean(ClusterNode node, String sql) {
		return "t".equals(queryString(node, sql));
	}

}
