package dev.replication.routing;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of read-your-writes routing, ready to be bound to metrics: how many reads replicas
 * served, how many a caller's token sent to the primary, and how often and how long reads waited
 * for a replica to catch up. Updated on the routing path, so plain {@link LongAdder}s.
 */
public final class ReadYourWritesStats {

	final LongAdder replicaReads = new LongAdder();

	final LongAdder primaryReadsForToken = new LongAdder();

	final LongAdder replayChecks = new LongAdder();

	final LongAdder waits = new LongAdder();

	final LongAdder waitNanos = new LongAdder();

	final LongAdder tokensTaken = new LongAdder();

	final LongAdder positionQueries = new LongAdder();

	/**
	 * Return how many read connections replicas served.
	 */
	public long replicaReads() {
		return this.replicaReads.sum();
	}

	/**
	 * Return how many reads went to the primary because no replica had replayed the caller's
	 * writes (or, in window mode, because the caller wrote within the window).
	 */
	public long primaryReadsForToken() {
		return this.primaryReadsForToken.sum();
	}

	/**
	 * Return how many times a replica was asked how far it has replayed, because the health
	 * monitor's last check did not show it far enough.
	 */
	public long replayChecks() {
		return this.replayChecks.sum();
	}

	/**
	 * Return how many reads waited for a replica to replay the caller's writes, and got it.
	 */
	public long waits() {
		return this.waits.sum();
	}

	/**
	 * Return the total time reads spent waiting for a replica, in nanoseconds, whether or not it
	 * caught up in time.
	 */
	public long waitNanos() {
		return this.waitNanos.sum();
	}

	/**
	 * Return how many writes were recorded in callers' tokens (lsn mode).
	 */
	public long tokensTaken() {
		return this.tokensTaken.sum();
	}

	/**
	 * Return how many times a read asked the primary for its WAL position, to place a caller's
	 * token that the health monitor had not placed yet: the cost of read-your-writes to reads
	 * made right after a write.
	 */
	public long positionQueries() {
		return this.positionQueries.sum();
	}

	@Override
	public String toString() {
		return "replicaReads=" + replicaReads() + ", primaryReadsForToken=" + primaryReadsForToken()
				+ ", replayChecks=" + replayChecks() + ", waits=" + waits() + ", waitMillis="
				+ (waitNanos() / 1_000_000) + ", tokensTaken=" + tokensTaken() + ", positionQueries=" + positionQueries();
	}

}
