package dev.replication.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Reports every node's Hikari pool as Spring Boot does for a single pool ({@code hikaricp.*},
 * tagged {@code pool} with the node's name), pools that replace a dead node's pool included. A
 * replacement pool has the same name as the pool it replaces, whose meters Hikari would remove
 * when it closes it later, taking the new pool's with them: so the meters of a node's previous
 * pool are removed as soon as its new pool starts, and the old pool's own removal is skipped.
 */
public class NodePoolMetricsTrackerFactory implements MetricsTrackerFactory {

	private final Supplier<@Nullable MeterRegistry> registry;

	/** The tracker whose meters are registered, per pool name: guarded by this factory's lock. */
	private final Map<String, Tracker> current = new HashMap<>();

	/**
	 * Create a factory that registers meters in the registry {@code registry} returns when a pool
	 * starts (none are registered while it returns {@code null}).
	 */
	public NodePoolMetricsTrackerFactory(Supplier<@Nullable MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public synchronized IMetricsTracker create(String poolName, PoolStats poolStats) {
		MeterRegistry registry = this.registry.get();
		if (registry == null) {
			return new IMetricsTracker() {
			};
		}
		Tracker previous = this.current.remove(poolName);
		if (previous != null) {
			previous.delegate.close();
		}
		Tracker tracker = new Tracker(poolName,
				new MicrometerMetricsTrackerFactory(registry).create(poolName, poolStats));
		this.current.put(poolName, tracker);
		return tracker;
	}

	private synchronized void closed(Tracker tracker) {
		if (this.current.get(tracker.poolName) == tracker) {
			this.current.remove(tracker.poolName);
			tracker.delegate.close();
		}
	}

	/**
	 * Hikari's Micrometer tracker of one pool, whose meters are removed only while they are its own.
	 */
	private final class Tracker implements IMetricsTracker {

		private final String poolName;

		private final IMetricsTracker delegate;

		Tracker(String poolName, IMetricsTracker delegate) {
			this.poolName = poolName;
			this.delegate = delegate;
		}

		@Override
		public void recordConnectionCreatedMillis(long connectionCreatedMillis) {
			this.delegate.recordConnectionCreatedMillis(connectionCreatedMillis);
		}

		@Override
		public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
			this.delegate.recordConnectionAcquiredNanos(elapsedAcquiredNanos);
		}

		@Override
		public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
			this.delegate.recordConnectionUsageMillis(elapsedBorrowedMillis);
		}

		@Override
		public void recordConnectionTimeout() {
			this.delegate.recordConnectionTimeout();
		}

		@Override
		public void close() {
			closed(this);
		}

	}

}
