package dev.replication.routing;

import java.time.Duration;
import java.util.List;

import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.context.WriteHistory;
import dev.replication.context.WriteHistoryScope;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decides which node serves a new connection: the one place where routing rules live, so that
 * every decision can say why it was made.
 *
 * <p>The rules, in order: {@code @Primary} in effect, a read-write transaction, or no sign that
 * the caller only reads go to the primary; a read-only caller goes to the primary while its
 * {@linkplain WriteHistoryScope scope} wrote within the read-your-writes window, and otherwise to
 * the replica the {@link ReplicaLoadBalancer} picks. The decision is made when a connection is
 * fetched, after Spring has started the transaction, so its read-only flag is known.
 */
public class ReplicationRouter {

	private final String primary;

	private final RoutingDecision[] readOnlyAnnotationDecisions;

	private final RoutingDecision[] readOnlyTransactionDecisions;

	private final ReplicaLoadBalancer loadBalancer;

	private final WriteHistoryScope writeHistoryScope;

	private final long windowNanos;

	private final RoutingDecision primaryAnnotation;

	private final RoutingDecision readWriteTransaction;

	private final RoutingDecision notReadOnly;

	private final RoutingDecision readYourWrites;

	private final RoutingDecision noReplica;

	/**
	 * Create a router for {@code primary} and {@code replicas} (in the order the load balancer
	 * indexes them), keeping reads on the primary for {@code readYourWritesWindow} after a write.
	 */
	public ReplicationRouter(String primary, List<String> replicas, ReplicaLoadBalancer loadBalancer,
			WriteHistoryScope writeHistoryScope, Duration readYourWritesWindow) {
		this.primary = primary;
		this.loadBalancer = loadBalancer;
		this.writeHistoryScope = writeHistoryScope;
		this.windowNanos = readYourWritesWindow.toNanos();
		this.readOnlyAnnotationDecisions = replicas.stream()
			.map((replica) -> new RoutingDecision(replica, RoutingDecision.Reason.READ_ONLY_ANNOTATION, true))
			.toArray(RoutingDecision[]::new);
		this.readOnlyTransactionDecisions = replicas.stream()
			.map((replica) -> new RoutingDecision(replica, RoutingDecision.Reason.READ_ONLY_TRANSACTION, true))
			.toArray(RoutingDecision[]::new);
		this.primaryAnnotation = new RoutingDecision(primary, RoutingDecision.Reason.PRIMARY_ANNOTATION, false);
		this.readWriteTransaction = new RoutingDecision(primary, RoutingDecision.Reason.READ_WRITE_TRANSACTION, false);
		this.notReadOnly = new RoutingDecision(primary, RoutingDecision.Reason.NOT_READ_ONLY, false);
		this.readYourWrites = new RoutingDecision(primary, RoutingDecision.Reason.READ_YOUR_WRITES, true);
		this.noReplica = new RoutingDecision(primary, RoutingDecision.Reason.NO_REPLICA, true);
	}

	/**
	 * Return the decision for a connection fetched now, on this thread.
	 */
	public RoutingDecision decide() {
		RoutingIntent intent = RoutingContextHolder.currentIntent();
		if (intent == RoutingIntent.PRIMARY) {
			return this.primaryAnnotation;
		}
		boolean readOnlyTransaction = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		if (!readOnlyTransaction && TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.readWriteTransaction;
		}
		if (intent != RoutingIntent.READ_ONLY && !readOnlyTransaction) {
			return this.notReadOnly;
		}
		if (this.readOnlyAnnotationDecisions.length == 0) {
			return this.noReplica;
		}
		if (this.windowNanos > 0) {
			WriteHistory history = this.writeHistoryScope.current(false);
			if (history != null && history.wroteWithin(this.windowNanos)) {
				return this.readYourWrites;
			}
		}
		int replica = this.loadBalancer.next();
		// A read-only transaction joined by @ReadOnly is reported as the transaction: it is what pins the connection.
		return readOnlyTransaction ? this.readOnlyTransactionDecisions[replica] : this.readOnlyAnnotationDecisions[replica];
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
	 * Return the name of the primary.
	 */
	public String primary() {
		return this.primary;
	}

}
