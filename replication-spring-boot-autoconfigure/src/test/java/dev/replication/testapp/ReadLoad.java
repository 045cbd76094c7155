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
 * Threads that read in a loop until stopped, recording which server answered each read and when,
 * and every failure.
 */
public final class ReadLoad implements AutoCloseable {

	private final ExecutorService threads;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Queue<Read> reads = new ConcurrentLinkedQueue<>();

	private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

	public ReadLoad(int threadCount, Supplier<ServedBy> read) {
		this.threads = Executors.newFixedThreadPool(threadCount);
		for (int i = 0; i < threadCount; i++) {
			this.threads.execute(() -> {
				while (this.running.get()) {
					long started = System.nanoTime();
					try {
						ServedBy servedBy = read.get();
						this.reads.add(new Read(started, System.nanoTime(), servedBy.port()));
					}
					catch (Throwable ex) {
						this.failures.add(ex);
					}
				}
			});
		}
	}

	/**
	 * Stop the readers and return what they read.
	 */
	public List<Read> stop() throws InterruptedException {
		this.running.set(false);
		this.threads.shutdown();
		this.threads.awaitTermination(30, TimeUnit.SECONDS);
		return new ArrayList<>(this.reads);
	}

	public List<Throwable> failures() {
		return new ArrayList<>(this.failures);
	}

	public int count() {
		return this.reads.size();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	/**
	 * One read: when it started and ended ({@link System#nanoTime()}) and the port that answered.
	 */
	public record Read(long started, long ended, int port) {
	}

}
