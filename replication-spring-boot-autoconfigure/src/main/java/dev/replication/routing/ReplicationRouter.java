package dev.replication.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.replication.context.JpaOutsideTransaction;
import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.context.WriteHistory;
import dev.replication.context.WriteHistoryScope;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decides which node serves a new connection: the one place where routing rules live, so that
 * every decision can say why it was made.
 *
 * <p>The rules, in order: {@code @Primary} in effect, a read-write transaction, or no sign that
 * the caller only reads ({@code @ReadOnly}, a read-only transaction, or JPA running a statement
 * outside a transaction) go to the primary; a read-only caller goes to the primary while its
 * {@linkplain WriteHistoryScope scope} wrote within the read-your-writes window, and otherwise to
 * a healthy replica the {@link ReplicaLoadBalancer} picks. The decision is made when a connection
 * is fetched, after Spring has started the transaction, so its read-only flag is known.
 *
 * <p>Which node is the primary and which replicas may serve reads is kept up to date by
 * {@link #updateTopology}, which the health monitor calls when what it sees changes.
 */
public class ReplicationRouter {

	private final Map<String, Integer> replicaWeights;

	private final ReplicaLoadBalancer.Factory balancers;

	private final WriteHistoryScope writeHistoryScope;

	private final long windowNanos;

	private final boolean fallbackToPrimary;

	private volatile RoutingTable table;

	/**
	 * Create a router for {@code primary} and the replicas in {@code replicaWeights} (in
	 * load-balancing order), keeping reads on the primary for {@code readYourWritesWindow} after a
	 * write and, when no replica is healthy, sending reads to the primary if
	 * {@code fallbackToPrimary}. Until told otherwise, every replica is taken to be healthy.
	 */
	public ReplicationRouter(String primary, Map<String, Integer> replicaWeights, ReplicaLoadBalancer.Factory balancers,
			WriteHistoryScope writeHistoryScope, Duration readYourWritesWindow, boolean fallbackToPrimary) {
		this.replicaWeights = new LinkedHashMap<>(replicaWeights);
		this.balancers = balancers;
		this.writeHistoryScope = writeHistoryScope;
		this.windowNanos = readYourWritesWindow.toNanos();
		this.fallbackToPrimary = fallbackToPrimary;
		this.table = new RoutingTable(primary, new ArrayList<>(replicaWeights.keySet()), this.replicaWeights,
				balancers, !replicaWeights.isEmpty(), () -> "not checked yet");
	}

	/**
	 * Return the decision for a connection fetched now, on this thread.
	 * @throws NoPrimaryAvailableException if the primary is needed and none is known
	 * @throws NoReplicaAvailableException if a replica is needed, none is healthy and falling back
	 * to the primary is off
	 */
	public RoutingDecision decide() {
		RoutingTable table = this.table;
		RoutingIntent intent = RoutingContextHolder.currentIntent();
		if (intent == RoutingIntent.PRIMARY) {
			return table.primary(RoutingDecision.Reason.PRIMARY_ANNOTATION);
		}
		boolean readOnlyTransaction = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		if (!readOnlyTransaction && TransactionSynchronizationManager.isActualTransactionActive()) {
			return table.primary(RoutingDecision.Reason.READ_WRITE_TRANSACTION);
		}
		// Checked last: only statements that would otherwise go to the primary pay for the look-up.
		if (intent != RoutingIntent.READ_ONLY && !readOnlyTransaction && !JpaOutsideTransaction.isActive()) {
			return table.primary(RoutingDecision.Reason.NOT_READ_ONLY);
		}
		if (!table.replicasConfigured) {
			return table.primary(RoutingDecision.Reason.NO_REPLICA);
		}
		if (this.windowNanos > 0) {
			WriteHistory history = this.writeHistoryScope.current(false);
			if (history != null && history.wroteWithin(this.windowNanos)) {
				return table.primary(RoutingDecision.Reason.READ_YOUR_WRITES);
			}
		}
		if (!table.hasReadableReplica()) {
			return noHealthyReplica(table, null);
		}
		int replica = table.balancer.next();
		// A read-only transaction joined by @ReadOnly is reported as the transaction: it is what pins the connection.
		if (readOnlyTransaction) {
			return table.readOnlyTransaction[replica];
		}
		return (intent == RoutingIntent.READ_ONLY) ? table.readOnlyAnnotation[replica]
				: table.jpaOutsideTransaction[replica];
	}

	/**
	 * Return where to go instead when {@code failed} could not hand out a connection and the
	 * nodes in {@code tried} have all failed: another healthy replica for a read, then the
	 * primary if falling back is allowed; for anything else, a newly discovered primary. Return
	 * {@code null} when the primary itself is the one that failed: then the failure stands as it
	 * is, since no other node can take the primary's place.
	 * @throws NoPrimaryAvailableException if the primary is needed and none is known
	 * @throws NoReplicaAvailableException if no replica is left and falling back is off
	 */
	public @Nullable RoutingDecision decideAfterFailure(RoutingDecision failed, Set<String> tried, Throwable failure) {
		RoutingTable table = this.table;
		if (failed.primary()) {
			if (table.primary == null) {
				throw new NoPrimaryAvailableException("No primary available: " + table.describe(), failure);
			}
			return tried.contains(table.primary) ? null : table.primary(failed.reason());
		}
		RoutingDecision[] candidates = table.replicas(failed.reason());
		if (candidates.length > 0) {
			int start = table.balancer.next();
			for (int i = 0; i < candidates.length; i++) {
				RoutingDecision candidate = candidates[(start + i) % candidates.length];
				if (!tried.contains(candidate.node())) {
					return candidate;
				}
			}
		}
		if (table.primary != null && tried.contains(table.primary)) {
			return null;
		}
		return noHealthyReplica(table, failure);
	}

	private RoutingDecision noHealthyReplica(RoutingTable table, @Nullable Throwable failure) {
		if (!this.fallbackToPrimary) {
			String message = "No healthy replica, and 'replication.fallback-to-primary' is false: " + table.describe();
			throw (failure != null) ? new NoReplicaAvailableException(message, failure)
					: new NoReplicaAvailableException(message);
		}
		return table.primary(RoutingDecision.Reason.NO_HEALTHY_REPLICA);
	}

	/**
	 * Take in a new view of the cluster: the node writes go to ({@code null} if none), the nodes
	 * reads may go to (in configuration order) and a description of what was seen, for messages.
	 */
	public void updateTopology(@Nullable String primary, List<String> readable, Supplier<String> description) {
		this.table = new RoutingTable(primary, readable, this.replicaWeights, this.balancers,
				!this.replicaWeights.isEmpty(), description);
	}

	/**
	 * Record that the current caller has written to the primary, if a scope is active to remember it in.
	 */
	public void recordWrite() {
		WriteHistory history = this.writeHistoryScope.current(true);
		if (history != null) {
			history.recordWrite();
		}
	}

	/**
	 * Return the name of the node writes go to now, or {@code null} if there is none.
	 */
	public @Nullable String primary() {
		return this.table.primary;
	}

}
