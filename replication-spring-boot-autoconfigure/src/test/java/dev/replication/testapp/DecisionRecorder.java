package dev.replication.testapp;

import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingListener;
import org.jspecify.annotations.Nullable;

/**
 * Remembers, per thread, the last {@link RoutingDecision} made for a connection, so that a test
 * can say which node served a read and why. Tests take the decision with {@link #take()}, which
 * clears it.
 */
public class DecisionRecorder implements RoutingListener {

	private final ThreadLocal<RoutingDecision> last = new ThreadLocal<>();

	@Override
	public void routed(RoutingDecision decision) {
		this.last.set(decision);
	}

	/**
	 * Return the last decision made on this thread and forget it.
	 */
	public @Nullable RoutingDecision take() {
		RoutingDecision decision = this.last.get();
		this.last.remove();
		return decision;
	}

}
