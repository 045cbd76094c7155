package dev.replication.health;

/**
 * When the primary's WAL position moved, sampled at each of its checks: tells how long a replica's
 * replay position has been behind, which is a lag in time that stays right when the primary is
 * idle (unlike the age of the last replayed transaction).
 */
final class LsnHistory {

	private final long[] positions;

	private final long[] times;

	private int size;

	private int next;

	LsnHistory(int capacity) {
		this.positions = new long[capacity];
		this.times = new long[capacity];
	}

	/**
	 * Record that the primary was at {@code position} at {@code nanoTime}; a position already
	 * recorded is ignored, so an idle primary adds nothing.
	 */
	synchronized void record(long position, long nanoTime) {
		if (this.size > 0 && this.positions[(this.next + this.positions.length - 1) % this.positions.length] >= position) {
			return;
		}
		this.positions[this.next] = position;
		this.times[this.next] = nanoTime;
		this.next = (this.next + 1) % this.positions.length;
		this.size = Math.min(this.size + 1, this.positions.length);
	}

	/**
	 * Forget every sample: for a new primary, whose positions are not comparable.
	 */
	synchronized void clear() {
		this.size = 0;
		this.next = 0;
	}

	/**
	 * Return whether the history goes back to {@code replayed}: whether a standby that replayed up
	 * to there has its lag in time known, rather than only a lower bound of it (a standby behind
	 * since before the first sample may have been behind for any time).
	 */
	synchronized boolean covers(long replayed) {
		if (this.size == 0) {
			return false;
		}
		int oldest = (this.next - this.size + this.positions.length) % this.positions.length;
		return this.positions[oldest] <= replayed;
	}

	/**
	 * Return for how many nanoseconds the primary has had WAL beyond {@code replayed}: 0 when the
	 * replica has replayed everything seen, at least the age of the oldest sample otherwise.
	 */
	synchronized long behindNanos(long replayed, long now) {
		long since = -1;
		for (int i = 0; i < this.size; i++) {
			int index = (this.next - this.size + i + this.positions.length) % this.positions.length;
			if (this.positions[index] > replayed) {
				since = this.times[index];
				break;
			}
		}
		return (since < 0) ? 0 : Math.max(0, now - since);
	}

}
