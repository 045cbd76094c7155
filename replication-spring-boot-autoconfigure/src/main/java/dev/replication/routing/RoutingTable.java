package dev.replication.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Where connections may go right now: the primary (if one is known) and the replicas eligible
 * for reads with their balancer, with every {@link RoutingDecision} made in advance. Immutable;
 * {@link ReplicationRouter} swaps in a new one when the topology changes, so the routing path
 * reads one volatile field and allocates nothing.
 */
final class RoutingTable {

	final @Nullable String primary;

	private final Supplier<String> description;

	final boolean replicasConfigured;

	final RoutingDecision[] readOnlyAnnotation;

	final RoutingDecision[] readOnlyTransaction;

	final RoutingDecision[] jpaOutsideTransaction;

	final @Nullable ReplicaLoadBalancer balancer;

	private final Map<RoutingDecision.Reason, RoutingDecision> primaryDecisions = new EnumMap<>(
			RoutingDecision.Reason.class);

	RoutingTable(@Nullable String primary, List<String> readable, Map<String, Integer> weights,
			ReplicaLoadBalancer.Factory balancers, boolean replicasConfigured, Supplier<String> description) {
		this.primary = primary;
		this.description = description;
		this.replicasConfigured = replicasConfigured;
		this.readOnlyAnnotation = decisions(readable, RoutingDecision.Reason.READ_ONLY_ANNOTATION);
		this.readOnlyTransaction = decisions(readable, RoutingDecision.Reason.READ_ONLY_TRANSACTION);
		this.jpaOutsideTransaction = decisions(readable, RoutingDecision.Reason.JPA_OUTSIDE_TRANSACTION);
		this.balancer = readable.isEmpty() ? null
				: balancers.create(readable.stream().mapToInt((node) -> weights.getOrDefault(node, 1)).toArray());
		if (primary != null) {
			for (RoutingDecision.Reason reason : RoutingDecision.Reason.values()) {
				if (reason.primary) {
					this.primaryDecisions.put(reason, new RoutingDecision(primary, reason));
				}
			}
		}
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
		return this.description.get();
	}

	boolean hasReadableReplica() {
		return this.balancer != null;
	}

}
