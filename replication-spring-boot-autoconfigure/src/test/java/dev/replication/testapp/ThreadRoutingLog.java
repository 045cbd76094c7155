package dev.replication.testapp;

import java.util.ArrayList;
import java.util.List;

import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingListener;

import org.springframework.stereotype.Component;

/**
 * Keeps the routing decisions made on each thread, so that a test can see which node served the
 * statements a call ran, and why, whatever API ran them.
 */
@Component
public class ThreadRoutingLog implements RoutingListener {

	private static final ThreadLocal<List<RoutingDecision>> decisions = new ThreadLocal<>();

	@Override
	public void routed(RoutingDecision decision) {
		List<RoutingDecision> made = decisions.get();
		if (made != null) {
			made.add(decision);
		}
	}

	/**
	 * Run {@code action} and return the decisions it made on this thread.
	 */
	public List<RoutingDecision> during(Runnable action) {
		decisions.set(new ArrayList<>());
		try {
			action.run();
			return List.copyOf(decisions.get());
		}
		finally {
			decisions.remove();
		}
	}

	/**
	 * Run {@code action} and return the one decision it made.
	 */
	public RoutingDecision single(Runnable action) {
		List<RoutingDecision> made = during(action);
		if (made.size() != 1) {
			throw new AssertionError("Expected one routing decision, got " + made);
		}
		return made.get(0);
	}

}
