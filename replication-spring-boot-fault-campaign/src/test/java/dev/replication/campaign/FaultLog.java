package dev.replication.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the fault injector did and when ({@link System#nanoTime()}): each fault from injection to
 * healing, each promotion, each node brought back, and which node was the primary when.
 */
final class FaultLog {

	private final long started = System.nanoTime();

	private final List<Fault> faults = new ArrayList<>();

	private final List<Promotion> promotions = new ArrayList<>();

	private final List<Recovery> recoveries = new ArrayList<>();

	private final List<PrimaryChange> primaries = new ArrayList<>();

	FaultLog(String primary) {
		this.primaries.add(new PrimaryChange(this.started, primary));
	}

	long started() {
		return this.started;
	}

	synchronized void fault(Fault fault) {
		this.faults.add(fault);
	}

	synchronized void promotion(Promotion promotion) {
		this.promotions.add(promotion);
	}

	synchronized void recovery(Recovery recovery) {
		this.recoveries.add(recovery);
	}

	/**
	 * Record that {@code primary} (or no node, if {@code null}) may take writes from now on.
	 */
	synchronized void primary(String primary) {
		this.primaries.add(new PrimaryChange(System.nanoTime(), primary));
	}

	synchronized List<Fault> faults() {
		return List.copyOf(this.faults);
	}

	synchronized List<Promotion> promotions() {
		return List.copyOf(this.promotions);
	}

	synchronized List<Recovery> recoveries() {
		return List.copyOf(this.recoveries);
	}

	/**
	 * Return the nodes that were allowed to take writes at some moment between {@code from} and
	 * {@code to}.
	 */
	synchronized Set<String> primariesBetween(long from, long to) {
		Set<String> allowed = new HashSet<>();
		String current = null;
		for (PrimaryChange change : this.primaries) {
			if (change.at() <= from) {
				current = change.primary();
			}
			else if (change.at() <= to && change.primary() != null) {
				allowed.add(change.primary());
			}
		}
		if (current != null) {
			allowed.add(current);
		}
		return allowed;
	}

	/**
	 * Return when the first fault that touches {@code node} after {@code after} was injected, or
	 * {@link Long#MAX_VALUE} if none did. A primary failover touches every node: the other replicas
	 * are re-pointed at the promoted one (and wait to be seen caught up with it), and every client
	 * waits for the new primary with its write before it reads again.
	 */
	synchronized long nextFaultOn(String node, long after) {
		return this.faults.stream()
			.filter((fault) -> fault.injected() > after
					&& (fault.kind() == Kind.PRIMARY_FAILOVER || fault.touches(node)))
			.mapToLong(Fault::injected)
			.min()
			.orElse(Long.MAX_VALUE);
	}

	/**
	 * Return whether {@code at} falls within a fault, or within {@code settle} after it healed.
	 */
	synchronized boolean duringFault(long at, long settle) {
		return this.faults.stream().anyMatch((fault) -> at >= fault.injected() && at <= fault.healed() + settle);
	}

	/**
	 * A kind of fault.
	 */
	enum Kind {

		/** A replica stopped (a crash) and started again. */
		REPLICA_KILL,

		/** A replica's WAL replay paused and resumed. */
		REPLAY_PAUSE,

		/** The primary stopped, a replica promoted, the others re-pointed, the old primary rebuilt as a replica. */
		PRIMARY_FAILOVER

	}

	/**
	 * One fault, from injection until the cluster was whole again.
	 *
	 * @param kind the kind of fault
	 * @param node the node it hit (for a failover, "old -> promoted")
	 * @param injected when it was injected
	 * @param healed when the injector had undone it
	 */
	record Fault(Kind kind, String node, long injected, long healed) {

		boolean touches(String name) {
			return this.node.equals(name) || this.node.startsWith(name + " ->") || this.node.endsWith("-> " + name);
		}

	}

	/**
	 * A promotion.
	 *
	 * @param node the promoted node
	 * @param former the primary it replaced
	 * @param promoted when {@code promote} returned
	 */
	record Promotion(String node, String former, long promoted) {
	}

	/**
	 * A node that can serve reads again.
	 *
	 * @param node the node
	 * @param how what brought it back: restarted, replay resumed, rebuilt as a replica
	 * @param recovered when that had been done
	 * @param caughtUp when it had then replayed the primary's WAL as of that moment: a replica that
	 * is further behind than the starter's lag limits may not serve before
	 */
	record Recovery(String node, String how, long recovered, long caughtUp) {
	}

	private record PrimaryChange(long at, String primary) {
	}

}
