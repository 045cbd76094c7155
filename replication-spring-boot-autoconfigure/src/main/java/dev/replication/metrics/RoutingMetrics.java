package dev.replication.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Counts every connection handed out as {@code replication.routing}, tagged with the node, the
 * role it was chosen for ({@code primary} or {@code replica}) and the reason. On the routing path:
 * once a node and reason have been seen, counting allocates nothing and takes no lock. Decisions
 * made before the registry is bound are not counted.
 */
public class RoutingMetrics implements RoutingListener, MeterBinder {

	private static final RoutingDecision.Reason[] REASONS = RoutingDecision.Reason.values();

	private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

	private volatile @Nullable MeterRegistry registry;

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.counters.clear();
	}

	@Override
	public void routed(RoutingDecision decision) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		Counter[] byReason = this.counters.computeIfAbsent(decision.node(), (node) -> new Counter[REASONS.length]);
		int index = decision.reason().ordinal();
		Counter counter = byReason[index];
		if (counter == null) {
			// Racing threads get the same counter back from the registry.
			counter = Counter.builder("replication.routing")
				.tag("node", decision.node())
				.tag("role", decision.primary() ? "primary" : "replica")
				.tag("reason", decision.reason().name().toLowerCase(Locale.ROOT))
				.description("Connections handed out, by node, role and reason")
				.register(registry);
			byReason[index] = counter;
		}
		counter.increment();
	}

}
