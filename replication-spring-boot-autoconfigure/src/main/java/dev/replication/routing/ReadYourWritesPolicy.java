package dev.replication.routing;

import java.time.Duration;

/**
 * The read-your-writes settings the {@link ReplicationRouter} follows: the
 * {@link ReadYourWritesMode}, the window (window mode), how long a read may wait for a replica to
 * catch up and whether reads are monotonic (lsn mode).
 *
 * @param mode how read-your-writes is kept
 * @param window how long reads stay on the primary after a write, in window mode
 * @param maxWait how long a read may wait for a replica to replay the caller's writes, in lsn mode
 * @param monotonicReads whether a caller's token also moves to what its reads saw, in lsn mode
 */
public record ReadYourWritesPolicy(ReadYourWritesMode mode, Duration window, Duration maxWait,
		boolean monotonicReads) {

	/**
	 * Return the policy that keeps reads on the primary for {@code window} after a write; a zero
	 * window turns read-your-writes off.
	 */
	public static ReadYourWritesPolicy window(Duration window) {
		return new ReadYourWritesPolicy(window.isZero() ? ReadYourWritesMode.NONE : ReadYourWritesMode.WINDOW, window,
				Duration.ZERO, false);
	}

	/**
	 * Return the policy that routes a read to a replica which has replayed the caller's writes,
	 * waiting up to {@code maxWait} for one.
	 */
	public static ReadYourWritesPolicy lsn(Duration maxWait, boolean monotonicReads) {
		return new ReadYourWritesPolicy(ReadYourWritesMode.LSN, Duration.ZERO, maxWait, monotonicReads);
	}

}
