package dev.replication.health;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

/**
 * Tells a failed health check that says the node is down (it cannot be reached, or is shutting
 * down or starting up) from one that is only the check's own trouble: its connection refused for
 * too many connections ({@code 53300}) or a password that no longer works ({@code 28P01}), a
 * check that was slow (a socket timeout), or any other error of the check's own session.
 */
final class CheckFailures {

	private static final int MAX_CAUSES = 10;

	private CheckFailures() {
	}

	/**
	 * Return whether {@code failure} says the node is down, rather than the check being in trouble.
	 */
	static boolean saysNodeIsDown(Throwable failure) {
		boolean down = false;
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException) {
				// Slow, not gone: pgjdbc reports a socket timeout as an I/O error (08006) around it.
				return false;
			}
			if (cause instanceof SQLException sqlException && isDownState(sqlException.getSQLState())) {
				down = true;
			}
			if (cause instanceof SocketException) {
				down = true;
			}
		}
		return down;
	}

	private static boolean isDownState(String state) {
		// 08: connection exception; 57P01..57P03: admin shutdown, crash shutdown, cannot connect now.
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

}
