package dev.replication.testapp;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;

/**
 * Pauses one replica's WAL replay for random short intervals, and lets it run for others, until
 * closed; closing resumes replay.
 */
public final class ReplayPauser implements AutoCloseable {

	private final EmbeddedReplicationCluster cluster;

	private final ClusterNode replica;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger pauses = new AtomicInteger();

	private final Thread thread;

	public ReplayPauser(EmbeddedReplicationCluster cluster, ClusterNode replica, int minMillis, int maxMillis) {
		this.cluster = cluster;
		this.replica = replica;
		this.thread = new Thread(() -> {
			try {
				while (this.running.get()) {
					cluster.pauseReplay(replica);
					this.pauses.incrementAndGet();
					TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis));
					cluster.resumeReplay(replica);
					TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				if (this.running.get()) {
					throw ex;
				}
			}
		}, "replay-pauser");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Return how many times replay was paused.
	 */
	public int pauses() {
		return this.pauses.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		this.thread.interrupt();
		this.thread.join(10_000);
		this.cluster.resumeReplay(this.replica);
	}

}
