package dev.replication.routing;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

/**
 * Tells a dead node from a busy one: only a failure to reach the server (SQLState class 08, a
 * server shutting down or starting up, a socket error) says the node is gone. A pool that simply
 * had no free connection in time says nothing about the node.
 */
final class ConnectionFailures {

	private ConnectionFailures() {
	}

	static boolean isConnectionFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sqlException && isConnectionState(sqlException.getSQLState())) {
				return true;
			}
			if (cause instanceof SocketException || cause instanceof SocketTimeoutException) {
				return true;
			}
			if (cause.getClass().getName().equals("com.zaxxer.hikari.pool.HikariPool$PoolInitializationException")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionState(String state) {
		// 08: connection exception; 57P01..57P03: admin shutdown, crash shutdown, cannot connect now.
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

}
