package dev.replication.testcontainers;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition, for tests that wait for the routing to see what a container did.
 */
final class Waiting {

	private Waiting() {
	}

	/**
	 * Wait until {@code condition} holds and return how long it took; fail naming
	 * {@code description} after {@code timeout}.
	 */
	static Duration until(String description, Duration timeout, BooleanSupplier condition) {
		long started = System.nanoTime();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - started > timeout.toNanos()) {
				throw new AssertionError("Not " + description + " within " + timeout);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted waiting for " + description, ex);
			}
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

}
