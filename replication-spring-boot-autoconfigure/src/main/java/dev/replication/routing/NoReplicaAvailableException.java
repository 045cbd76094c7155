package dev.replication.routing;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Thrown when a read must go to a replica but none is healthy and
 * {@code replication.fallback-to-primary} is off.
 */
public class NoReplicaAvailableException extends DataAccessResourceFailureException {

	/**
	 * Create an exception with a description of what was seen.
	 */
	public NoReplicaAvailableException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a description of what was seen and the failure that revealed it.
	 */
	public NoReplicaAvailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
