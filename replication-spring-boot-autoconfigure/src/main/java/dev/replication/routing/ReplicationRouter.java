package dev.replication.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.replication.cluster.ClusterView;
import dev.replication.context.ConsistencyToken;
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
 * outside a transaction) go to the primary; a read-only caller goes to a healthy replica the
 * {@link ReplicaLoadBalancer} picks, unless read-your-writes says otherwise: in window mode the
 * primary serves it while its {@linkplain WriteHistoryScope scope} wrote within the window; in
 * lsn mode only a replica known (or, when the connection is taken, found) to have replayed the
 * caller's token serves it, else the primary. The decision is made when a connection
 * is fetched, after Spring has started the transaction, so its read-only flag is known.
 *
 * <p>Which node is the primary and which replicas may serve reads is kept up to date by
 * {@link #updateTopology}, to which the health monitor hands each new {@link ClusterView}.
 */
public class ReplicationRouter {

	private final Map<String, Integer> replicaWeights;

	private final ReplicaLoadBalancer.Factory balancers;

	private final WriteHistoryScope writeHistoryScope;

	private final ReadYourWritesPolicy readYourWrites;

	private final ReadYourWritesMode mode;

	private final long windowNanos;

	private final boolean fallbackToPrimary;

	private final ReadYourWritesStats stats = new ReadYourWritesStats();

	private final Duration failoverMaxWait;

	/**
	 * What {@link #requiredPosition()} returns for a caller whose last write is not placed in the
	 * WAL yet: higher than any position, so that no replica is known to have replayed it.
	 */
	public static final long UNPLACED = Long.MAX_VALUE;

	private volatile RoutingTable table;

	/** The latest reading of the primary's position, from the health monitor or a read's query. */
	private final AtomicReference<PrimaryReading> primaryReading = new AtomicReference<>(new PrimaryReading(0, 0));

	/** Notified, under its own lock, of each new view: for callers waiting for a primary. */
	private final Object viewChanges = new Object();

	private long viewVersion;

	/**
	 * Create a router for {@code primary} and the replicas in {@code replicaWeights} (in
	 * load-balancing order), keeping reads on the primary for {@code readYourWritesWindow} after a
	 * write and, when no replica is healthy, sending reads to the primary if
	 * {@code fallbackToPrimary}. Until told otherwise, every replica is taken to be healthy.
	 */
	public ReplicationRouter(String primary, Map<String, Integer> replicaWeights, ReplicaLoadBalancer.Factory balancers,
			WriteHistoryScope writeHistoryScope, Duration readYourWritesWindow, boolean fallbackToPrimary) {
		this(primary, replicaWeights, balancers, writeHistoryScope, ReadYourWritesPolicy.window(readYourWritesWindow),
				fallbackToPrimary, Duration.ZERO);
	}

	/**
	 * Create a router as below, where a caller that needs the primary while none is known fails at
	 * once.
	 */
	public ReplicationRouter(String primary, Map<String, Integer> replicaWeights, ReplicaLoadBalancer.Factory balancers,
			WriteHistoryScope writeHistoryScope, ReadYourWritesPolicy readYourWrites, boolean fallbackToPrimary) {
		this(primary, replicaWeights, balancers, writeHistoryScope, readYourWrites, fallbackToPrimary, Duration.ZERO);
	}

	/**
	 * Create a router for {@code primary} and the replicas in {@code replicaWeights} (in
	 * load-balancing order), keeping read-your-writes as {@code readYourWrites} says and, when no
	 * replica is healthy, sending reads to the primary if {@code fallbackToPrimary}. A caller that
	 * needs the primary while none is known, or whose primary failed, waits at most
	 * {@code failoverMaxWait} for the health monitor to see one. Until told otherwise, every replica
	 * is taken to be healthy.
	 */
	public ReplicationRouter(String primary, Map<String, Integer> replicaWeights, ReplicaLoadBalancer.Factory balancers,
			WriteHistoryScope writeHistoryScope, ReadYourWritesPolicy readYourWrites, boolean fallbackToPrimary,
			Duration failoverMaxWait) {
		this.failoverMaxWait = failoverMaxWait;
		this.replicaWeights = new LinkedHashMap<>(replicaWeights);
		this.balancers = balancers;
		this.writeHistoryScope = writeHistoryScope;
		this.readYourWrites = readYourWrites;
		this.mode = readYourWrites.mode();
		this.windowNanos = readYourWrites.window().toNanos();
		this.fallbackToPrimary = fallbackToPrimary;
		this.table = new RoutingTable(ClusterView.unchecked(primary, new ArrayList<>(replicaWeights.keySet())),
				this.replicaWeights, balancers, !replicaWeights.isEmpty());
	}

	/**
	 * Return the decision for a connection fetched now, on this thread.
	 * @throws NoPrimaryAvailableException if the primary is needed and none is known
	 * @throws NoReplicaAvailableException if a replica is needed, none is healthy and falling back
	 * to the primary is off
	 */
	public RoutingDecision decide() {
		return decide(false, false);
	}

	/**
	 * Return the decision for a connection fetched now, on this thread, whose holder has already
	 * marked it read-only ({@code readOnlyConnection}) or begun a transaction of its own on it
	 * ({@code inOwnTransaction}: auto-commit switched off without Spring's transaction manager, as an
	 * application-managed {@code EntityManager} or a Hibernate session's own transaction does)
	 * before its first statement. A read-only connection is routed as a read-only transaction:
	 * Spring's transaction manager marks it so before it makes its transaction known, and runs a
	 * statement in between when it enforces read-only. A connection in a transaction of its own is
	 * never taken for JPA reading outside a transaction, as its writes would then go to a replica.
	 * @throws NoPrimaryAvailableException if the primary is needed and none is known
	 * @throws NoReplicaAvailableException if a replica is needed, none is healthy and falling back
	 * to the primary is off
	 */
	public RoutingDecision decide(boolean readOnlyConnection, boolean inOwnTransaction) {
		RoutingTable table = this.table;
		RoutingIntent intent = RoutingContextHolder.currentIntent();
		if (intent == RoutingIntent.PRIMARY) {
			return primary(table, RoutingDecision.Reason.PRIMARY_ANNOTATION);
		}
		boolean readOnlyTransaction = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		if (!readOnlyTransaction && TransactionSynchronizationManager.isActualTransactionActive()) {
			return primary(table, RoutingDecision.Reason.READ_WRITE_TRANSACTION);
		}
		readOnlyTransaction |= readOnlyConnection;
		// Checked last: only statements that would otherwise go to the primary pay for the look-up.
		if (intent != RoutingIntent.READ_ONLY && !readOnlyTransaction
				&& (inOwnTransaction || !JpaOutsideTransaction.isActive())) {
			return primary(table, RoutingDecision.Reason.NOT_READ_ONLY);
		}
		if (!table.replicasConfigured) {
			return primary(table, RoutingDecision.Reason.NO_REPLICA);
		}
		long required = 0;
		if (this.mode == ReadYourWritesMode.LSN) {
			required = requiredPosition(table.view);
		}
		else if (this.mode == ReadYourWritesMode.WINDOW) {
			WriteHistory history = this.writeHistoryScope.current(false);
			if (history != null && history.wroteWithin(this.windowNanos)) {
				this.stats.primaryReadsForToken.increment();
				return primary(table, RoutingDecision.Reason.READ_YOUR_WRITES);
			}
		}
		if (!table.hasReadableReplica()) {
			return noHealthyReplica(table, null);
		}
		int replica = table.balancer.next();
		// A read-only transaction joined by @ReadOnly is reported as the transaction: it is what pins the connection.
		RoutingDecision.Reason reason = readOnlyTransaction ? RoutingDecision.Reason.READ_ONLY_TRANSACTION
				: (intent == RoutingIntent.READ_ONLY) ? RoutingDecision.Reason.READ_ONLY_ANNOTATION
						: RoutingDecision.Reason.JPA_OUTSIDE_TRANSACTION;
		if (required > 0) {
			RoutingDecision decision = table.replicaAt(required, replica, reason);
			if (!decision.checkReplay) {
				this.stats.replicaReads.increment();
			}
			return decision;
		}
		this.stats.replicaReads.increment();
		return table.replicas(reason)[replica];
	}

	/**
	 * Return the decision for the primary with {@code reason}, waiting for one to be seen (at most
	 * the failover max-wait) when {@code table} knows none.
	 */
	private RoutingDecision primary(RoutingTable table, RoutingDecision.Reason reason) {
		return (table.primary != null) ? table.primary(reason)
				: awaitPrimary(reason, null, failoverDeadline(), null);
	}

	/**
	 * Return the {@link System#nanoTime()} until which a call that needs the primary, starting
	 * now, may wait for one.
	 */
	public long failoverDeadline() {
		return failoverDeadline(System.nanoTime());
	}

	/**
	 * Return the {@link System#nanoTime()} until which a call that needs the primary, started at
	 * {@code startedNanos}, may wait for one.
	 */
	public long failoverDeadline(long startedNanos) {
		return startedNanos + this.failoverMaxWait.toNanos();
	}

	/**
	 * Return the decision for the primary with {@code reason}, waiting until {@code deadline}
	 * (a {@link System#nanoTime()}) for the health monitor's views to show one: a primary other
	 * than {@code failedNode} at once, or {@code failedNode} again once a newer view still holds
	 * it to be the primary (it may have come back).
	 * @throws NoPrimaryAvailableException if no primary is seen by the deadline
	 */
	public RoutingDecision awaitPrimary(RoutingDecision.Reason reason, @Nullable String failedNode, long deadline,
			@Nullable Throwable failure) {
		long seen;
		synchronized (this.viewChanges) {
			seen = this.viewVersion;
		}
		while (true) {
			// The version first: a view published in between is then either in the table read, or
			// announced by a version newer than this one, so the wait below cannot miss it.
			long version;
			synchronized (this.viewChanges) {
				version = this.viewVersion;
			}
			RoutingTable table = this.table;
			if (table.primary != null && (!table.primary.equals(failedNode) || version > seen)) {
				return table.primary(reason);
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				String message = "No primary available"
						+ (this.failoverMaxWait.isZero() ? ""
								: " within 'replication.failover.max-wait' (" + this.failoverMaxWait.toMillis() + " ms)")
						+ ": " + table.describe();
				throw (failure != null) ? new NoPrimaryAvailableException(message, failure)
						: new NoPrimaryAvailableException(message);
			}
			synchronized (this.viewChanges) {
				if (this.viewVersion == version) {
					try {
						TimeUnit.NANOSECONDS.timedWait(this.viewChanges, remaining);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new NoPrimaryAvailableException("Interrupted waiting for a primary: " + table.describe(),
								ex);
					}
				}
			}
		}
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
			// Never a replica behind the caller's token: one not known to be far enough is asked first.
			long required = (this.mode == ReadYourWritesMode.LSN) ? requiredPosition(table.view) : 0;
			int start = table.balancer.next();
			int unchecked = -1;
			for (int i = 0; i < candidates.length; i++) {
				int index = (start + i) % candidates.length;
				if (!tried.contains(candidates[index].node())) {
					if (required <= 0 || table.positions[index] >= required) {
						return candidates[index];
					}
					unchecked = (unchecked < 0) ? index : unchecked;
				}
			}
			if (unchecked >= 0) {
				return table.checked(failed.reason())[unchecked];
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
		return primary(table, RoutingDecision.Reason.NO_HEALTHY_REPLICA);
	}

	/**
	 * Take in a new view of the cluster. A view that routes like the current one (same primary,
	 * same readable replicas) keeps the load balancer where it is in its cycle.
	 */
	public void updateTopology(ClusterView view) {
		if (view.primaryPosition() > 0) {
			primaryRead(view.primaryPosition(), view.primaryPositionReadAt());
		}
		RoutingTable current = this.table;
		this.table = view.routesLike(current.view) ? current.withView(view)
				: new RoutingTable(view, this.replicaWeights, this.balancers, !this.replicaWeights.isEmpty());
		synchronized (this.viewChanges) {
			this.viewVersion++;
			this.viewChanges.notifyAll();
		}
	}

	/**
	 * Return the view of the cluster routing follows now.
	 */
	public ClusterView view() {
		return this.table.view;
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
	 * Record that the current caller's write has just returned from its commit on the primary,
	 * its WAL position not read, if a scope is active to remember it in: its token is unplaced
	 * until a later read needs it placed, or the health monitor reads a newer primary position.
	 */
	public void recordUnplacedWrite() {
		WriteHistory history = this.writeHistoryScope.current(true);
		if (history != null) {
			this.stats.tokensTaken.increment();
			history.recordUnplacedWrite();
		}
	}

	/**
	 * Record that the current caller has read data up to WAL position {@code position} (monotonic
	 * reads): its later reads must not see an older state.
	 */
	public void recordRead(long position) {
		if (position <= 0) {
			return;
		}
		WriteHistory history = this.writeHistoryScope.current(true);
		if (history != null) {
			history.advance(ConsistencyToken.of(position, 0));
		}
	}

	/**
	 * Return the WAL position a replica must have replayed to serve the current caller in lsn
	 * mode: 0 if any replica may, {@link #UNPLACED} if the caller's last write is not placed in
	 * the WAL yet (no replica may until it is).
	 */
	public long requiredPosition() {
		return requiredPosition(this.table.view);
	}

	/**
	 * Return the position a replica must have replayed as {@link #requiredPosition()} does,
	 * placing the caller's token with the latest reading of the primary's position if that was
	 * read after the caller's last write returned: the health monitor's checks, and the queries of
	 * other callers' reads, place most tokens for free.
	 */
	private long requiredPosition(ClusterView view) {
		WriteHistory history = this.writeHistoryScope.current(false);
		if (history == null) {
			return 0;
		}
		ConsistencyToken token = history.token();
		if (token.isUnplaced()) {
			PrimaryReading reading = this.primaryReading.get();
			if (reading.position > 0 && token.placeableBy(reading.readAt)) {
				token = history.place(reading.position, reading.readAt);
			}
			if (token.isUnplaced()) {
				return UNPLACED;
			}
		}
		return token.position();
	}

	/**
	 * Take in {@code position}, where the primary's last record inserted ended when a query sent
	 * at {@code readAt} ({@link System#nanoTime()}) read it: it places the token of every caller
	 * whose last write had returned by then. The latest reading is kept.
	 */
	void primaryRead(long position, long readAt) {
		if (position <= 0) {
			return;
		}
		PrimaryReading reading = new PrimaryReading(position, readAt);
		while (true) {
			PrimaryReading current = this.primaryReading.get();
			if (current.position > 0 && current.readAt - readAt >= 0) {
				return;
			}
			if (this.primaryReading.compareAndSet(current, reading)) {
				return;
			}
		}
	}

	/**
	 * Count a query of the primary's position made for a read, to place its caller's token.
	 */
	void countPositionQuery() {
		this.stats.positionQueries.increment();
	}

	/**
	 * Return the current caller's token, {@link ConsistencyToken#NONE} if no scope is active.
	 */
	ConsistencyToken currentToken() {
		WriteHistory history = this.writeHistoryScope.current(false);
		return (history != null) ? history.token() : ConsistencyToken.NONE;
	}

	/**
	 * Return how many replicas may serve reads now.
	 */
	int readableReplicas() {
		return this.table.positions.length;
	}

	/**
	 * Return the decision that asks the readable replica after that of {@code checked} whether it
	 * has replayed the caller's token, or {@code null} if no replica may serve reads.
	 */
	@Nullable RoutingDecision nextToCheck(RoutingDecision checked) {
		return this.table.nextToCheck(checked);
	}

	/**
	 * Return the decision for a read that no replica could serve because none had replayed the
	 * caller's writes.
	 */
	RoutingDecision notReplayed() {
		this.stats.primaryReadsForToken.increment();
		return primary(this.table, RoutingDecision.Reason.NOT_REPLAYED);
	}

	/**
	 * Return the read-your-writes settings this router follows.
	 */
	public ReadYourWritesPolicy readYourWrites() {
		return this.readYourWrites;
	}

	/**
	 * Return the counters of read-your-writes routing.
	 */
	public ReadYourWritesStats readYourWritesStats() {
		return this.stats;
	}

	/**
	 * Return the name of the node writes go to now, or {@code null} if there is none.
	 */
	public @Nullable String primary() {
		return this.table.primary;
	}

	/**
	 * A position of the primary, and the {@link System#nanoTime()} at which the query that read
	 * it was sent.
	 */
	private record PrimaryReading(long position, long readAt) {
	}

}
