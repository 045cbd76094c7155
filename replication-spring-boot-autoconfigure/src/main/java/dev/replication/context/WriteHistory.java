package dev.replication.context;

/**
 * What a caller (an HTTP request, or a routed call on a thread) has written to the primary and
 * when: the state that read-your-writes routing consults before sending a read to a replica.
 *
 * <p>Safe for use by several threads: a request may hand work to others.
 */
public final class WriteHistory {

	private static final long NEVER = Long.MIN_VALUE;

	private volatile long lastWriteNanos = NEVER;

	/**
	 * Record that a write has just been committed on the primary.
	 */
	public void recordWrite() {
		this.lastWriteNanos = System.nanoTime();
	}

	/**
	 * Return whether a write was recorded less than {@code windowNanos} ago.
	 */
	public boolean wroteWithin(long windowNanos) {
		long last = this.lastWriteNanos;
		return last != NEVER && System.nanoTime() - last < windowNanos;
	}

	/**
	 * Return whether any write was recorded.
	 */
	public boolean hasWritten() {
		return this.lastWriteNanos != NEVER;
	}

}
