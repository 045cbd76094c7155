package dev.replication.webapp;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingListener;

/**
 * Counts the starter's routing decisions by node and reason: what the tests print next to the
 * database's own account, to say why the primary served what it served. Test-only; the
 * application itself knows nothing of it.
 */
class RoutingTally implements RoutingListener {

	private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();

	@Override
	public void routed(RoutingDecision decision) {
		this.decisions.computeIfAbsent(decision.toString(), (key) -> new LongAdder()).increment();
	}

	void reset() {
		this.decisions.clear();
	}

	/**
	 * Return the number of connections handed out, by node and reason.
	 */
	Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		this.decisions.forEach((decision, count) -> counts.put(decision, count.sum()));
		return counts;
	}

}
