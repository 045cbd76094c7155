package dev.replication.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import dev.replication.context.ConsistencyToken;
import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.context.ThreadWriteHistoryScope;
import dev.replication.routing.ReadYourWritesPolicy;
import dev.replication.routing.ReplicaLoadBalancer;
import dev.replication.routing.ReplicationRouter;
import dev.replication.routing.RoutingDecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link ReplicationRouter#decide()} alone, with the thread's routing state set up as each kind
 * of caller leaves it: the intent look-up, the read-your-writes check, the load balancer and the
 * replicas' eligibility, with no connection taken.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterDecisionBenchmark {

	/**
	 * The caller: {@code @ReadOnly}; a read-only transaction; a read-write transaction; no sign
	 * of reading only (the primary); {@code @ReadOnly} with a read-your-writes token that both
	 * replicas are known to have replayed.
	 */
	@Param({ "read-only-annotation", "read-only-transaction", "read-write-transaction", "no-intent",
			"read-only-with-token" })
	public String caller;

	private ReplicationRouter router;

	private RoutingContextHolder.Frame outer;

	private RoutingContextHolder.Frame frame;

	@Setup
	public void start() {
		Map<String, Integer> weights = new LinkedHashMap<>();
		weights.put("replica-1", 1);
		weights.put("replica-2", 1);
		this.router = new ReplicationRouter("primary", weights, ReplicaLoadBalancer::roundRobin,
				new ThreadWriteHistoryScope(), ReadYourWritesPolicy.lsn(Duration.ZERO, false), true,
				Duration.ofSeconds(5));
		this.router.updateTopology(new ClusterView("primary", List.of(node("primary", NodeRole.PRIMARY, 2000),
				node("replica-1", NodeRole.STANDBY, 1000), node("replica-2", NodeRole.STANDBY, 1000))));
		switch (this.caller) {
			case "read-only-annotation" -> this.frame = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
			case "read-only-transaction" -> transaction(true);
			case "read-write-transaction" -> transaction(false);
			case "no-intent" -> this.frame = RoutingContextHolder.enter(null);
			case "read-only-with-token" -> {
				this.outer = RoutingContextHolder.enterFrom(ConsistencyToken.of(900, System.currentTimeMillis()));
				this.frame = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
			}
			default -> throw new IllegalArgumentException("Unknown caller [" + this.caller + "]");
		}
	}

	private static NodeStatus node(String name, NodeRole role, long position) {
		return new NodeStatus(name, role, true, true, position, 0, Duration.ZERO, null, Instant.now());
	}

	private void transaction(boolean readOnly) {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(readOnly);
	}

	@TearDown
	public void stop() {
		TransactionSynchronizationManager.clear();
		if (this.frame != null) {
			RoutingContextHolder.exit(this.frame);
		}
		if (this.outer != null) {
			RoutingContextHolder.exit(this.outer);
		}
	}

	@Benchmark
	public RoutingDecision decide() {
		return this.router.decide();
	}

}
