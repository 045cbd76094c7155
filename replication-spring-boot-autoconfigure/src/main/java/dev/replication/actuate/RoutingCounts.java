package dev.replication.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingListener;

/**
 * Counts the connections handed out per node and {@linkplain RoutingDecision.Reason reason}, for
 * the {@code replication} endpoint. On the routing path: once a node has been seen, counting
 * allocates nothing and takes no lock.
 */
public class RoutingCounts implements RoutingListener {

	private static final RoutingDecision.Reason[] REASONS = RoutingDecision.Reason.values();

	private final Map<String, LongAdder[]> counts = new ConcurrentHashMap<>();

	@Override
	public void routed(RoutingDecision decision) {
		this.counts.computeIfAbsent(decision.node(), RoutingCounts::newCounters)[decision.reason().ordinal()]
			.increment();
	}

	private static LongAdder[] newCounters(String node) {
		LongAdder[] counters = new LongAdder[REASONS.length];
		for (int i = 0; i < counters.length; i++) {
			counters[i] = new LongAdder();
		}
		return counters;
	}

	/**
	 * Return the counts so far by node name, then by reason (the enum constant's name), leaving
	 * out reasons never seen.
	 */
	public Map<String, Map<String, Long>> counts() {
		Map<String, Map<String, Long>> result = new TreeMap<>();
		this.counts.forEach((node, counters) -> {
			Map<String, Long> byReason = new LinkedHashMap<>();
			for (RoutingDecision.Reason reason : REASONS) {
				long count = counters[reason.ordinal()].sum();
				if (count > 0) {
					byReason.put(reason.name(), count);
				}
			}
			result.put(node, byReason);
		});
		return result;
	}

}
