package dev.replication.testapp;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition and returns how long it took to hold.
 */
public final class Waiting {

	private Waiting() {
	}

	/**
	 * Wait until {@code condition} holds, at most {@code timeout}, and return the time waited.
	 * @throws AssertionError if it did not hold in time
	 */
	public static Duration until(String what, Duration timeout, BooleanSupplier condition) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + timeout + ": " + what);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted waiting for " + what);
			}
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

}
