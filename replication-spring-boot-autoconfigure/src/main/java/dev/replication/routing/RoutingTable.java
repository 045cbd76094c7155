package dev.replication.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeStatus;
import org.jspecify.annotations.Nullable;

/**
 * Where connections may go right now: the primary (if one is known) and the replicas eligible
 * for reads with their balancer, with every {@link RoutingDecision} made in advance, built from
 * one {@link ClusterView}. Immutable; {@link ReplicationRouter} swaps in a new one with each new
 * view, so the routing path reads one volatile field and allocates nothing.
 */
final class RoutingTable {

	final @Nullable String primary;

	final ClusterView view;

	final boolean replicasConfigured;

	final RoutingDecision[] readOnlyAnnotation;

	final RoutingDecision[] readOnlyTransaction;

	final RoutingDecision[] jpaOutsideTransaction;

	final @Nullable ReplicaLoadBalancer balancer;

	/**
	 * What each readable replica had replayed at its last check (-1 if unknown), aligned with
	 * {@link #readOnlyAnnotation}: a lower bound of where it is now.
	 */
	final long[] positions;

	/** The same decisions as {@link #readOnlyAnnotation}, asking the replica how far it has replayed. */
	final RoutingDecision[] readOnlyAnnotationChecked;

	/** The same decisions as {@link #readOnlyTransaction}, asking the replica how far it has replayed. */
	final RoutingDecision[] readOnlyTransactionChecked;

	/** The same decisions as {@link #jpaOutsideTransaction}, asking the replica how far it has replayed. */
	final RoutingDecision[] jpaOutsideTransactionChecked;

	private final Map<RoutingDecision.Reason, RoutingDecision> primaryDecisions = new EnumMap<>(
			RoutingDecision.Reason.class);

	RoutingTable(ClusterView view, Map<String, Integer> weights, ReplicaLoadBalancer.Factory balancers,
			boolean replicasConfigured) {
		String primary = view.primary();
		List<String> readable = view.readable();
		this.primary = primary;
		this.view = view;
		this.replicasConfigured = replicasConfigured;
		this.readOnlyAnnotation = decisions(readable, RoutingDecision.Reason.READ_ONLY_ANNOTATION);
		this.readOnlyTransaction = decisions(readable, RoutingDecision.Reason.READ_ONLY_TRANSACTION);
		this.jpaOutsideTransaction = decisions(readable, RoutingDecision.Reason.JPA_OUTSIDE_TRANSACTION);
		this.balancer = readable.isEmpty() ? null
				: balancers.create(readable.stream().mapToInt((node) -> weights.getOrDefault(node, 1)).toArray());
		this.positions = positions(view, readable);
		this.readOnlyAnnotationChecked = checked(this.readOnlyAnnotation);
		this.readOnlyTransactionChecked = checked(this.readOnlyTransaction);
		this.jpaOutsideTransactionChecked = checked(this.jpaOutsideTransaction);
		if (primary != null) {
			for (RoutingDecision.Reason reason : RoutingDecision.Reason.values()) {
				if (reason.primary) {
					this.primaryDecisions.put(reason, new RoutingDecision(primary, reason));
				}
			}
		}
	}

	private RoutingTable(RoutingTable routing, ClusterView view) {
		this.primary = routing.primary;
		this.view = view;
		this.replicasConfigured = routing.replicasConfigured;
		this.readOnlyAnnotation = routing.readOnlyAnnotation;
		this.readOnlyTransaction = routing.readOnlyTransaction;
		this.jpaOutsideTransaction = routing.jpaOutsideTransaction;
		this.balancer = routing.balancer;
		this.positions = positions(view, view.readable());
		this.readOnlyAnnotationChecked = routing.readOnlyAnnotationChecked;
		this.readOnlyTransactionChecked = routing.readOnlyTransactionChecked;
		this.jpaOutsideTransactionChecked = routing.jpaOutsideTransactionChecked;
		this.primaryDecisions.putAll(routing.primaryDecisions);
	}

	private static long[] positions(ClusterView view, List<String> readable) {
		long[] positions = new long[readable.size()];
		for (int i = 0; i < positions.length; i++) {
			NodeStatus node = view.node(readable.get(i));
			positions[i] = (node != null) ? node.position() : -1;
		}
		return positions;
	}

	private static RoutingDecision[] checked(RoutingDecision[] decisions) {
		RoutingDecision[] checked = new RoutingDecision[decisions.length];
		for (int i = 0; i < decisions.length; i++) {
			checked[i] = new RoutingDecision(decisions[i].node(), decisions[i].reason(), true);
			checked[i].replayed = decisions[i];
			checked[i].waited = new RoutingDecision(decisions[i].node(), RoutingDecision.Reason.WAITED_FOR_REPLAY);
		}
		return checked;
	}

	/**
	 * Return the decision for a read (of the kind {@code reason} says) that needs a replica which
	 * has replayed {@code position}: the first replica from {@code start} (the balancer's pick)
	 * known to be that far, else the balancer's pick asking the replica itself. Allocates nothing.
	 */
	RoutingDecision replicaAt(long position, int start, RoutingDecision.Reason reason) {
		int count = this.positions.length;
		for (int i = 0; i < count; i++) {
			int index = (start + i) % count;
			if (this.positions[index] >= position) {
				return replicas(reason)[index];
			}
		}
		return checked(reason)[start];
	}

	/**
	 * Return the decision that asks the readable replica after that of {@code checked} whether it
	 * has replayed the caller's token (the first if {@code checked}'s is no longer readable), or
	 * {@code null} if no replica is readable.
	 */
	@Nullable RoutingDecision nextToCheck(RoutingDecision checked) {
		RoutingDecision[] candidates = checked(checked.reason());
		if (candidates.length == 0) {
			return null;
		}
		for (int i = 0; i < candidates.length; i++) {
			if (candidates[i].node().equals(checked.node())) {
				return candidates[(i + 1) % candidates.length];
			}
		}
		return candidates[0];
	}

	/**
	 * Return a table for {@code view} that routes like this one: the decisions and the balancer
	 * (with its position in the cycle) are kept, only positions and lag are new.
	 */
	RoutingTable withView(ClusterView view) {
		return new RoutingTable(this, view);
	}

	private static RoutingDecision[] decisions(List<String> readable, RoutingDecision.Reason reason) {
		return readable.stream().map((node) -> new RoutingDecision(node, reason)).toArray(RoutingDecision[]::new);
	}

	/**
	 * Return the decisions for the readable replicas, in balancer order, with {@code reason}.
	 */
	RoutingDecision[] replicas(RoutingDecision.Reason reason) {
		return switch (reason) {
			case READ_ONLY_TRANSACTION -> this.readOnlyTransaction;
			case JPA_OUTSIDE_TRANSACTION -> this.jpaOutsideTransaction;
			default -> this.readOnlyAnnotation;
		};
	}

	/**
	 * Return the decisions for the readable replicas with {@code reason} that ask the replica how
	 * far it has replayed before it serves the read.
	 */
	RoutingDecision[] checked(RoutingDecision.Reason reason) {
		return switch (reason) {
			case READ_ONLY_TRANSACTION -> this.readOnlyTransactionChecked;
			case JPA_OUTSIDE_TRANSACTION -> this.jpaOutsideTransactionChecked;
			default -> this.readOnlyAnnotationChecked;
		};
	}

	/**
	 * Return the decision for the primary with {@code reason}.
	 * @throws NoPrimaryAvailableException if no primary is known
	 */
	RoutingDecision primary(RoutingDecision.Reason reason) {
		RoutingDecision decision = this.primaryDecisions.get(reason);
		if (decision == null) {
			throw new NoPrimaryAvailableException("No primary available: " + describe());
		}
		return decision;
	}

	/**
	 * Return what the health monitor sees now, for exception messages.
	 */
	String describe() {
		return this.view.describe();
	}

	boolean hasReadableReplica() {
		return this.balancer != null;
	}

}
