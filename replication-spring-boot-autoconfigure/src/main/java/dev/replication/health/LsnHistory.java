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
