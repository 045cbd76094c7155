package dev.replication.sample;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Thrown by a service when the user or post asked for does not exist, so that the client gets
 * a 404 problem detail rather than a server error.
 */
public class NotFoundException extends ResponseStatusException {

	/**
	 * Create an exception for the missing {@code kind} (such as "post") with id {@code id}.
	 */
	public NotFoundException(String kind, long id) {
		super(HttpStatus.NOT_FOUND, "No " + kind + " with id " + id);
	}

}
