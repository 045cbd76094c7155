package dev.replication.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Threads that write in a loop until stopped, recording every call: when it started and ended,
 * the port that took the write, or the failure.
 */
public final class WriteLoad implements AutoCloseable {

	private final ExecutorService threads;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Queue<Write> writes = new ConcurrentLinkedQueue<>();

	public WriteLoad(int threadCount, Supplier<ServedBy> write) {
		this.threads = Executors.newFixedThreadPool(threadCount);
		for (int i = 0; i < threadCount; i++) {
			this.threads.execute(() -> {
				while (this.running.get()) {
					long started = System.nanoTime();
					try {
						ServedBy servedBy = write.get();
						this.writes.add(new Write(started, System.nanoTime(), servedBy.port(), null));
					}
					catch (Throwable ex) {
						this.writes.add(new Write(started, System.nanoTime(), -1, ex));
						try {
							Thread.sleep(5);
						}
						catch (InterruptedException interrupted) {
							Thread.currentThread().interrupt();
							return;
						}
					}
				}
			});
		}
	}

	/**
	 * Return the calls recorded so far.
	 */
	public List<Write> writes() {
		return new ArrayList<>(this.writes);
	}

	/**
	 * Stop the writers, waiting for the calls under way, and return every call.
	 */
	public List<Write> stop() throws InterruptedException {
		this.running.set(false);
		this.threads.shutdown();
		this.threads.awaitTermination(60, TimeUnit.SECONDS);
		return writes();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	/**
	 * One write call: when it started and ended ({@link System#nanoTime()}), the port that took it
	 * ({@code -1} when it failed) and its failure.
	 */
	public record Write(long started, long ended, int port, Throwable failure) {

		public long millis() {
			return (this.ended - this.started) / 1_000_000;
		}

	}

}
