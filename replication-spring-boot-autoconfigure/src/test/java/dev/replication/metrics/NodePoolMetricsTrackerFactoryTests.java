package dev.replication.metrics;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.PoolStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NodePoolMetricsTrackerFactory}: a node's replacement pool keeps reporting when
 * the pool it replaced is closed later.
 */
class NodePoolMetricsTrackerFactoryTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final NodePoolMetricsTrackerFactory factory = new NodePoolMetricsTrackerFactory(() -> this.registry);

	@Test
	void replacementPoolKeepsItsMetersWhenTheOldPoolClosesLater() {
		IMetricsTracker old = this.factory.create("replica-1", new FixedStats(3));
		assertThat(totalConnections()).isEqualTo(3);
		IMetricsTracker fresh = this.factory.create("replica-1", new FixedStats(7));
		assertThat(totalConnections()).isEqualTo(7);
		old.close();
		assertThat(totalConnections()).isEqualTo(7);
		fresh.close();
		assertThat(this.registry.find("hikaricp.connections").tag("pool", "replica-1").gauge()).isNull();
	}

	@Test
	void noRegistryNoMeters() {
		IMetricsTracker tracker = new NodePoolMetricsTrackerFactory(() -> null).create("primary", new FixedStats(1));
		tracker.recordConnectionTimeout();
		tracker.close();
		assertThat(this.registry.getMeters()).isEmpty();
	}

	private double totalConnections() {
		return this.registry.get("hikaricp.connections").tag("pool", "replica-1").gauge().value();
	}

	/**
	 * Pool statistics that say the pool holds a fixed number of connections.
	 */
	private static final class FixedStats extends PoolStats {

		FixedStats(int total) {
			super(0);
			this.totalConnections = total;
		}

		@Override
		protected void update() {
		}

	}

}
