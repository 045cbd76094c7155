package dev.replication.testapp;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Users, one per thread, that each write a row and read it back at once, in a loop for a given
 * time: counts the read-backs, how many a replica served, and the stale ones (row not found).
 */
public final class WriteThenReadLoad {

	private WriteThenReadLoad() {
	}

	/**
	 * Run {@code users} threads of {@link WriteThenRead#once} for {@code duration} and return
	 * what they saw.
	 */
	public static Result run(WriteThenRead workload, int users, Duration duration) throws InterruptedException {
		ExecutorService threads = Executors.newFixedThreadPool(users);
		LongAdder reads = new LongAdder();
		LongAdder replicaReads = new LongAdder();
		Queue<WriteThenRead.ReadBack> stale = new ConcurrentLinkedQueue<>();
		Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		try {
			for (int i = 0; i < users; i++) {
				int user = i;
				threads.execute(() -> {
					while (System.nanoTime() < end) {
						try {
							WriteThenRead.ReadBack read = workload.once("user " + user);
							reads.increment();
							if (read.replica()) {
								replicaReads.increment();
							}
							if (!read.found()) {
								stale.add(read);
							}
						}
						catch (Throwable ex) {
							failures.add(ex);
						}
					}
				});
			}
		}
		finally {
			threads.shutdown();
			if (!threads.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
				threads.shutdownNow();
			}
		}
		return new Result(reads.sum(), replicaReads.sum(), stale.size(), stale.peek(), failures.size(),
				failures.peek(), System.nanoTime() - start);
	}

	/**
	 * What a run saw.
	 *
	 * @param reads read-backs done (one per write)
	 * @param replicaReads read-backs a replica served
	 * @param stale read-backs that did not find the row just written
	 * @param firstStale the first stale read-back, if any
	 * @param failures iterations that failed
	 * @param firstFailure the first failure, if any
	 * @param nanos how long the run took
	 */
	public record Result(long reads, long replicaReads, long stale, WriteThenRead.ReadBack firstStale, long failures,
			Throwable firstFailure, long nanos) {

		/**
		 * Return the share of the read-backs served by replicas, in percent.
		 */
		public double replicaShare() {
			return (this.reads == 0) ? 0 : 100.0 * this.replicaReads / this.reads;
		}

		/**
		 * Return write-then-read iterations per second.
		 */
		public double throughput() {
			return this.reads / (this.nanos / 1e9);
		}

	}

}
