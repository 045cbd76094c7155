package dev.replication.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.routing.ReadYourWritesStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Binds the meters read from the health monitor's latest view and the read-your-writes counters:
 * {@code replication.node.up}, {@code replication.replica.lag.bytes} and
 * {@code replication.replica.lag} per node, {@code replication.failover}, and the
 * {@code replication.ryw.*} counters and wait timer. Each is read when the registry asks, so
 * none keeps a value from start-up.
 */
public class ReplicationMetrics implements MeterBinder {

	private final ReplicationHealthMonitor monitor;

	private final ReadYourWritesStats stats;

	/**
	 * Create a binder over {@code monitor}'s views and the read-your-writes {@code stats}.
	 */
	public ReplicationMetrics(ReplicationHealthMonitor monitor, ReadYourWritesStats stats) {
		this.monitor = monitor;
		this.stats = stats;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (NodeStatus configured : this.monitor.getView().nodes()) {
			String node = configured.name();
			Gauge.builder("replication.node.up", this.monitor, (monitor) -> up(monitor, node))
				.tag("node", node)
				.description("Whether the node answers its health checks (1) or not (0)")
				.register(registry);
			Gauge.builder("replication.replica.lag.bytes", this.monitor, (monitor) -> lagBytes(monitor, node))
				.tag("node", node)
				.baseUnit("bytes")
				.description("WAL the node has still to replay; 0 on the primary, NaN while unknown")
				.register(registry);
			TimeGauge.builder("replication.replica.lag", this.monitor, TimeUnit.MILLISECONDS,
					(monitor) -> lagMillis(monitor, node))
				.tag("node", node)
				.description("How long the node's oldest unreplayed WAL has waited; 0 on the primary, NaN while unknown")
				.register(registry);
		}
		FunctionCounter.builder("replication.failover", this.monitor, ReplicationHealthMonitor::primaryChanges)
			.description("Times another node became the primary")
			.register(registry);
		counter(registry, "replication.ryw.replica.reads", ReadYourWritesStats::replicaReads,
				"Read connections served by a replica");
		counter(registry, "replication.ryw.primary.reads", ReadYourWritesStats::primaryReadsForToken,
				"Reads sent to the primary because no replica had the caller's writes");
		counter(registry, "replication.ryw.replay.checks", ReadYourWritesStats::replayChecks,
				"Times a replica was asked how far it has replayed");
		counter(registry, "replication.ryw.tokens", ReadYourWritesStats::tokensTaken,
				"Writes recorded in callers' tokens (lsn mode)");
		counter(registry, "replication.ryw.position.queries", ReadYourWritesStats::positionQueries,
				"Reads that asked the primary for its WAL position to place a caller's token");
		FunctionTimer
			.builder("replication.ryw.wait", this.stats, ReadYourWritesStats::waits, ReadYourWritesStats::waitNanos,
					TimeUnit.NANOSECONDS)
			.description("Reads that waited for a replica to replay the caller's writes (count: those that got it; "
					+ "total time: every wait)")
			.register(registry);
	}

	private void counter(MeterRegistry registry, String name, ToDoubleFunction<ReadYourWritesStats> count,
			String description) {
		FunctionCounter.builder(name, this.stats, count).description(description).register(registry);
	}

	private static double up(ReplicationHealthMonitor monitor, String node) {
		NodeStatus status = monitor.getView().node(node);
		return (status != null && status.up()) ? 1 : 0;
	}

	private static double lagBytes(ReplicationHealthMonitor monitor, String node) {
		NodeStatus status = known(monitor, node);
		return (status != null && status.lagBytes() >= 0) ? status.lagBytes() : Double.NaN;
	}

	private static double lagMillis(ReplicationHealthMonitor monitor, String node) {
		NodeStatus status = known(monitor, node);
		return (status != null && status.lag() != null && status.lagKnown()) ? status.lag().toMillis() : Double.NaN;
	}

	/**
	 * Return the status of {@code node} if its lag means something now: up, and the primary or a
	 * standby with a primary to compare with.
	 */
	private static @Nullable NodeStatus known(ReplicationHealthMonitor monitor, String node) {
		var view = monitor.getView();
		NodeStatus status = view.node(node);
		if (status == null || !status.up()) {
			return null;
		}
		return (status.role() == NodeRole.PRIMARY || view.primary() != null) ? status : null;
	}

}
