package dev.replication.routing;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

/**
 * Tells a dead connection from a failed statement, and a dead node from a busy one: only a
 * failure to reach the server (SQLState class 08, a server shutting down or starting up, a socket
 * error) says the node may be gone. A pool that simply had no free connection in time says
 * nothing about the node.
 */
final class ConnectionFailures {

	private static final int MAX_CAUSES = 10;

	private ConnectionFailures() {
	}

	/**
	 * Return whether the connection behind {@code failure} is lost, so that a read that never
	 * returned a row may run again elsewhere.
	 */
	static boolean isConnectionFailure(Throwable failure) {
		return matches(failure, true);
	}

	/**
	 * Return whether {@code failure} says the node cannot be reached. A backend ended on its own
	 * ({@code pg_terminate_backend}, SQLState 57P01) says nothing about the others.
	 */
	static boolean isNodeFailure(Throwable failure) {
		return matches(failure, false);
	}

	private static boolean matches(Throwable failure, boolean terminatedBackendCounts) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
			if (cause instanceof SQLException sqlException && isConnectionState(sqlException.getSQLState(),
					terminatedBackendCounts)) {
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

	private static boolean isConnectionState(String state, boolean terminatedBackendCounts) {
		// 08: connection exception; 57P01..57P03: admin shutdown, crash shutdown, cannot connect now.
		return state != null && (state.startsWith("08") || state.equals("57P02") || state.equals("57P03")
				|| (terminatedBackendCounts && state.equals("57P01")));
	}

}
