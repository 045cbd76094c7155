package dev.replication.routing;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Thrown, without waiting, when a write (or any statement that must run on the primary) finds
 * no primary: none of the nodes reports {@code pg_is_in_recovery() = false}, or several do. The
 * message says what each node was seen as.
 */
public class NoPrimaryAvailableException extends DataAccessResourceFailureException {

	/**
	 * Create an exception with a description of what was seen.
	 */
	public NoPrimaryAvailableException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a description of what was seen and the failure that revealed it.
	 */
	public NoPrimaryAvailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
