package dev.replication.routing;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

/**
 * Tells a dead connection from a failed statement, and a dead node from a busy one: only a
 * failure to reach the server (SQLState class 08, a server shutting down or starting up, a socket
 * error) says the node may be gone. A pool that simply had no free connection in time says
 * nothing about the node, and neither does a statement whose answer took longer than the socket
 * timeout: the node is slow or the query is, and running it elsewhere would be as slow.
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
		return matches(failure, false) && !isSlowStatement(failure);
	}

	/**
	 * Return whether a read that failed with {@code failure} may run again on another node: its
	 * connection was lost (a backend ended on its own included), and not because it was slow.
	 */
	static boolean isRerunnable(Throwable failure) {
		return isConnectionFailure(failure) && !isSlowStatement(failure);
	}

	/**
	 * Return whether {@code failure} is a socket timeout while waiting for an answer, rather than
	 * while connecting (which pgjdbc reports as SQLState 08001).
	 */
	static boolean isSlowStatement(Throwable failure) {
		boolean timedOut = false;
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
			if (cause instanceof SQLException sqlException && "08001".equals(sqlException.getSQLState())) {
				return false;
			}
			timedOut |= cause instanceof SocketTimeoutException;
		}
		return timedOut;
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
