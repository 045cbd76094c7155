package dev.replication.campaign;

import java.sql.SQLException;

/**
 * One call a campaign client made, and how it ended.
 *
 * @param client the client's number
 * @param kind what the call did
 * @param started when it started ({@link System#nanoTime()})
 * @param ended when it ended, or when the client stopped waiting for it
 * @param node the node that served it, by port; {@code null} if none did
 * @param inRecovery whether that node said it was in recovery
 * @param outcome how it ended
 * @param error the failure's class and SQLState; {@code null} if it succeeded
 * @param writeId the row it wrote or read back
 */
record Call(int client, Kind kind, long started, long ended, String node, boolean inRecovery, Outcome outcome,
		String error, long writeId) {

	long nanos() {
		return this.ended - this.started;
	}

	boolean ok() {
		return this.outcome == Outcome.OK;
	}

	/**
	 * Return a short name for {@code failure}: its class, the class of the SQLException under it and
	 * its SQLState, such as {@code CannotGetJdbcConnectionException/PSQLException(08001)}.
	 */
	static String describe(Throwable failure) {
		String name = failure.getClass().getSimpleName();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				String state = (sql.getSQLState() != null) ? "(" + sql.getSQLState() + ")" : "";
				return (cause == failure) ? name + state : name + "/" + cause.getClass().getSimpleName() + state;
			}
		}
		return name;
	}

	/**
	 * What a call did.
	 */
	enum Kind {

		/** A {@code @Transactional} insert. */
		WRITE,

		/** A read of the row the same client had just written, in the same routed scope. */
		READ_YOUR_WRITE,

		/** A read that may be served by any replica. */
		READ

	}

	/**
	 * How a call ended.
	 */
	enum Outcome {

		/** It succeeded (a read-your-write read found its row). */
		OK,

		/** A read-your-write read did not find the row just written. */
		MISSING,

		/** It failed with an exception. */
		FAILED,

		/** It had not returned at the client's deadline. */
		DEADLINE

	}

}
