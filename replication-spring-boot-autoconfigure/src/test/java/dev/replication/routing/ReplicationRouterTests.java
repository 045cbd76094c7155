package dev.replication.routing;

import java.time.Duration;
import java.util.List;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import dev.replication.context.ConsistencyToken;
import dev.replication.context.JpaOutsideTransaction;
import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.context.ThreadWriteHistoryScope;
import dev.replication.routing.RoutingDecision.Reason;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReplicationRouter}: the decision and the reason it gives, rule by rule.
 * Transaction state is set the way Spring's transaction managers set it.
 */
class ReplicationRouterTests {

	private final ReplicationRouter router = new ReplicationRouter("primary", weights("replica-1", "replica-2"),
			ReplicaLoadBalancer::roundRobin, new ThreadWriteHistoryScope(), Duration.ofSeconds(2), true);

	@BeforeEach
	void everyReplicaChecked() {
		this.router.updateTopology(view("primary", "replica-1", "replica-2"));
	}

	@AfterEach
	void clearTransactionState() {
		TransactionSynchronizationManager.setActualTransactionActive(false);
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
	}

	@Test
	void noHintGoesToThePrimary() {
		assertDecision(this.router.decide(), "primary", Reason.NOT_READ_ONLY, false);
	}

	@Test
	void readOnlyIntentGoesToReplicasInTurn() throws Exception {
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			assertDecision(this.router.decide(), "replica-1", Reason.READ_ONLY_ANNOTATION, true);
			assertDecision(this.router.decide(), "replica-2", Reason.READ_ONLY_ANNOTATION, true);
			return null;
		});
	}

	@Test
	void readOnlyTransactionGoesToAReplica() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
		assertThat(this.router.decide().reason()).isEqualTo(Reason.READ_ONLY_TRANSACTION);
		assertThat(this.router.decide().primary()).isFalse();
	}

	@Test
	void readWriteTransactionBeatsReadOnlyIntent() throws Exception {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		RoutingContextHolder.call(RoutingIntent.READ_ONLY,
				() -> assertDecision(this.router.decide(), "primary", Reason.READ_WRITE_TRANSACTION, false));
	}

	@Test
	void primaryIntentBeatsReadOnlyTransaction() throws Exception {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
		RoutingContextHolder.call(RoutingIntent.PRIMARY,
				() -> assertDecision(this.router.decide(), "primary", Reason.PRIMARY_ANNOTATION, false));
	}

	@Test
	void readAfterAWriteInTheSameScopeStaysOnThePrimaryAndIsReadOnly() throws Exception {
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			this.router.recordWrite();
			return assertDecision(this.router.decide(), "primary", Reason.READ_YOUR_WRITES, true);
		});
		RoutingContextHolder.call(RoutingIntent.READ_ONLY,
				() -> assertThat(this.router.decide().reason()).isEqualTo(Reason.READ_ONLY_ANNOTATION));
	}

	@Test
	void zeroWindowTurnsReadYourWritesOff() throws Exception {
		ReplicationRouter router = new ReplicationRouter("primary", weights("replica-1"), ReplicaLoadBalancer::roundRobin,
				new ThreadWriteHistoryScope(), Duration.ZERO, true);
		router.updateTopology(view("primary", "replica-1"));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			router.recordWrite();
			return assertDecision(router.decide(), "replica-1", Reason.READ_ONLY_ANNOTATION, true);
		});
	}

	@Test
	void withoutReplicasReadsGoToThePrimaryReadOnly() throws Exception {
		ReplicationRouter router = new ReplicationRouter("primary", weights(), ReplicaLoadBalancer::roundRobin,
				new ThreadWriteHistoryScope(), Duration.ofSeconds(2), true);
		RoutingContextHolder.call(RoutingIntent.READ_ONLY,
				() -> assertDecision(router.decide(), "primary", Reason.NO_REPLICA, true));
	}

	@Test
	void decisionsAreReusedNotAllocated() throws Exception {
		assertThat(this.router.decide()).isSameAs(this.router.decide());
		assertThat(this.router.decide().toString()).isEqualTo("primary (no @ReadOnly and no read-only transaction)");
	}

	@Test
	void unhealthyReplicasAreSkippedAndReadsFallBackToThePrimary() throws Exception {
		this.router.updateTopology(view("primary", "replica-2"));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			assertThat(this.router.decide().node()).isEqualTo("replica-2");
			assertThat(this.router.decide().node()).isEqualTo("replica-2");
			return null;
		});
		this.router.updateTopology(view("primary"));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY,
				() -> assertDecision(this.router.decide(), "primary", Reason.NO_HEALTHY_REPLICA, true));
	}

	@Test
	void withoutFallbackReadsFailWhenNoReplicaIsHealthy() {
		ReplicationRouter router = new ReplicationRouter("primary", weights("replica-1"), ReplicaLoadBalancer::roundRobin,
				new ThreadWriteHistoryScope(), Duration.ZERO, false);
		router.updateTopology(view("primary"));
		assertThatExceptionOfType(NoReplicaAvailableException.class)
			.isThrownBy(() -> RoutingContextHolder.call(RoutingIntent.READ_ONLY, router::decide))
			.withMessageContaining("'replication.fallback-to-primary' is false")
			.withMessageContaining("replica-1 down");
	}

	@Test
	void withoutPrimaryWritesFailFastNamingWhatWasSeen() {
		this.router.updateTopology(view(null, "replica-1", "replica-2"));
		assertThatExceptionOfType(NoPrimaryAvailableException.class).isThrownBy(this.router::decide)
			.withMessageStartingWith("No primary available: primary down unknown (Connection refused)");
	}

	@Test
	void writesFollowAPromotedNode() {
		this.router.updateTopology(view("replica-1", "replica-2"));
		assertDecision(this.router.decide(), "replica-1", Reason.NOT_READ_ONLY, false);
	}

	@Test
	void failedReplicaIsReplacedByAnotherThenByThePrimary() {
		RoutingDecision first = new RoutingDecision("replica-1", Reason.READ_ONLY_ANNOTATION);
		RoutingDecision second = this.router.decideAfterFailure(first, java.util.Set.of("replica-1"), new Exception());
		assertThat(second.node()).isEqualTo("replica-2");
		RoutingDecision third = this.router.decideAfterFailure(second, java.util.Set.of("replica-1", "replica-2"),
				new Exception());
		assertDecision(third, "primary", Reason.NO_HEALTHY_REPLICA, true);
	}

	@Test
	void aViewThatRoutesTheSameKeepsTheBalancerInItsCycle() throws Exception {
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			assertThat(this.router.decide().node()).isEqualTo("replica-1");
			this.router.updateTopology(view("primary", "replica-1", "replica-2"));
			assertThat(this.router.decide().node()).isEqualTo("replica-2");
			return null;
		});
	}

	@Test
	void lsnModeSendsAReadWithoutTokenToTheBalancersReplica() throws Exception {
		ReplicationRouter router = lsnRouter();
		router.updateTopology(positions(100, 300));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			assertDecision(router.decide(), "replica-1", Reason.READ_ONLY_ANNOTATION, true);
			return assertDecision(router.decide(), "replica-2", Reason.READ_ONLY_ANNOTATION, true);
		});
	}

	@Test
	void lsnModeSendsAReadWithATokenOnlyToReplicasKnownToHaveReplayedIt() throws Exception {
		ReplicationRouter router = lsnRouter();
		router.updateTopology(positions(100, 300));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			placedWrite(router, 200);
			for (int i = 0; i < 4; i++) {
				RoutingDecision decision = assertDecision(router.decide(), "replica-2", Reason.READ_ONLY_ANNOTATION,
						true);
				assertThat(decision.checkReplay).isFalse();
			}
			return null;
		});
		assertThat(router.readYourWritesStats().replicaReads()).isEqualTo(4);
	}

	@Test
	void lsnModeAsksTheBalancersReplicaWhenNoneIsKnownToHaveReplayedTheToken() throws Exception {
		ReplicationRouter router = lsnRouter();
		router.updateTopology(positions(100, 300));
		TransactionSynchronizationManager.setActualTransactionActive(true);
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			placedWrite(router, 400);
			RoutingDecision decision = assertDecision(router.decide(), "replica-1", Reason.READ_ONLY_TRANSACTION, true);
			assertThat(decision.checkReplay).isTrue();
			assertThat(decision.replayed).isNotSameAs(decision);
			assertThat(decision.replayed.checkReplay).isFalse();
			assertThat(decision.waited.reason()).isEqualTo(Reason.WAITED_FOR_REPLAY);
			assertThat(decision.waited.node()).isEqualTo("replica-1");
			assertThat(router.requiredPosition()).isEqualTo(400);
			return assertDecision(router.notReplayed(), "primary", Reason.NOT_REPLAYED, true);
		});
		assertThat(router.readYourWritesStats().primaryReadsForToken()).isEqualTo(1);
	}

	@Test
	void lsnTokensDoNotExpireButAreFreeOnceEveryReplicaHasPassedThem() throws Exception {
		ReplicationRouter router = lsnRouter();
		router.updateTopology(positions(100, 100));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			placedWrite(router, 200);
			assertThat(router.decide().checkReplay).isTrue();
			router.updateTopology(positions(250, 250));
			assertDecision(router.decide(), "replica-2", Reason.READ_ONLY_ANNOTATION, true);
			return assertDecision(router.decide(), "replica-1", Reason.READ_ONLY_ANNOTATION, true);
		});
	}

	@Test
	void lsnTokenOnlyMovesForward() throws Exception {
		ReplicationRouter router = lsnRouter();
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			placedWrite(router, 500);
			placedWrite(router, 300);
			router.recordRead(400);
			assertThat(router.requiredPosition()).isEqualTo(500);
			router.recordRead(700);
			return assertThat(router.requiredPosition()).isEqualTo(700);
		});
	}

	@Test
	void lsnReRunNeverGoesToAReplicaBehindTheTokenUnchecked() throws Exception {
		ReplicationRouter router = lsnRouter();
		router.updateTopology(positions(100, 300));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			placedWrite(router, 200);
			RoutingDecision failed = router.decide();
			assertThat(failed.node()).isEqualTo("replica-2");
			RoutingDecision next = router.decideAfterFailure(failed, java.util.Set.of("replica-2"), new Exception());
			assertThat(next.node()).isEqualTo("replica-1");
			assertThat(next.checkReplay).as("replica-1 was last seen at 100, behind the token").isTrue();
			RoutingDecision last = router.decideAfterFailure(next, java.util.Set.of("replica-1", "replica-2"),
					new Exception());
			return assertDecision(last, "primary", Reason.NO_HEALTHY_REPLICA, true);
		});
	}

	@Test
	void lsnReRunPrefersAReplicaKnownToHaveReplayedTheToken() throws Exception {
		ReplicationRouter router = lsnRouter();
		router.updateTopology(positions(300, 300));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			placedWrite(router, 200);
			RoutingDecision next = router.decideAfterFailure(router.decide(), java.util.Set.of("replica-1"),
					new Exception());
			assertThat(next.checkReplay).isFalse();
			return assertDecision(next, "replica-2", Reason.READ_ONLY_ANNOTATION, true);
		});
	}

	@Test
	void noneModeIgnoresWrites() throws Exception {
		ReplicationRouter router = new ReplicationRouter("primary", weights("replica-1"),
				ReplicaLoadBalancer::roundRobin, new ThreadWriteHistoryScope(), ReadYourWritesPolicy.window(Duration.ZERO),
				true);
		router.updateTopology(view("primary", "replica-1"));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			router.recordUnplacedWrite();
			return assertDecision(router.decide(), "replica-1", Reason.READ_ONLY_ANNOTATION, true);
		});
	}

	@Test
	void lsnModeDecisionsAreReusedNotAllocated() throws Exception {
		ReplicationRouter router = lsnRouter();
		router.updateTopology(positions(100, 300));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			placedWrite(router, 200);
			return assertThat(router.decide()).isSameAs(router.decide());
		});
	}

	private static ReplicationRouter lsnRouter() {
		return new ReplicationRouter("primary", weights("replica-1", "replica-2"), ReplicaLoadBalancer::roundRobin,
				new ThreadWriteHistoryScope(), ReadYourWritesPolicy.lsn(Duration.ZERO, false), true);
	}

	@Test
	void lsnModeAsksAReplicaForAnUnplacedWriteAndNeverTrustsCachedPositions() throws Exception {
		ReplicationRouter router = lsnRouter();
		router.updateTopology(positions(900, 900));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			router.recordUnplacedWrite();
			assertThat(router.requiredPosition()).isEqualTo(ReplicationRouter.UNPLACED);
			return assertThat(router.decide().checkReplay).as("no position is known to cover the write").isTrue();
		});
		assertThat(router.readYourWritesStats().tokensTaken()).isEqualTo(1);
	}

	@Test
	void lsnModePlacesAnUnplacedWriteWithAPrimaryPositionTheMonitorReadAfterIt() throws Exception {
		ReplicationRouter router = lsnRouter();
		long readBefore = System.nanoTime();
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			router.recordUnplacedWrite();
			router.updateTopology(positions(900, 1000, 1000, readBefore));
			assertThat(router.decide().checkReplay).as("a position read before the write returned covers nothing")
				.isTrue();
			router.updateTopology(positions(900, 1000, 1000, System.nanoTime()));
			assertThat(router.requiredPosition()).isEqualTo(1000);
			for (int i = 0; i < 3; i++) {
				RoutingDecision decision = assertDecision(router.decide(), "replica-2", Reason.READ_ONLY_ANNOTATION,
						true);
				assertThat(decision.checkReplay).isFalse();
			}
			return null;
		});
		assertThat(router.readYourWritesStats().positionQueries()).isZero();
	}

	@Test
	void lsnModeKeepsAWriteUnplacedWhenItReturnedAfterThePositionWasRead() throws Exception {
		ReplicationRouter router = lsnRouter();
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			router.recordUnplacedWrite();
			long readAt = System.nanoTime();
			Thread.sleep(1);
			router.recordUnplacedWrite();
			router.primaryRead(500, readAt);
			assertThat(router.requiredPosition()).as("the second write returned after the position was read")
				.isEqualTo(ReplicationRouter.UNPLACED);
			router.primaryRead(600, System.nanoTime());
			return assertThat(router.requiredPosition()).isEqualTo(600);
		});
	}

	@Test
	void lsnModePlacesEveryCallersWriteWithOneReadingOfThePrimary() throws Exception {
		ReplicationRouter router = lsnRouter();
		ConsistencyToken[] tokens = new ConsistencyToken[2];
		for (int i = 0; i < 2; i++) {
			int caller = i;
			Thread thread = new Thread(() -> {
				RoutingContextHolder.Frame frame = RoutingContextHolder.enter(null);
				try {
					router.recordUnplacedWrite();
					tokens[caller] = router.currentToken();
				}
				finally {
					RoutingContextHolder.exit(frame);
				}
			});
			thread.start();
			thread.join();
		}
		router.primaryRead(700, System.nanoTime());
		for (ConsistencyToken token : tokens) {
			RoutingContextHolder.Frame frame = RoutingContextHolder.enterFrom(token);
			try {
				assertThat(router.requiredPosition()).isEqualTo(700);
			}
			finally {
				RoutingContextHolder.exit(frame);
			}
		}
		assertThat(router.readYourWritesStats().positionQueries()).isZero();
	}

	@Test
	void lsnModeKeepsTheLastReadingOfThePrimaryWhileNoneIsKnown() throws Exception {
		ReplicationRouter router = lsnRouter();
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			router.recordUnplacedWrite();
			router.updateTopology(view(null, "replica-1", "replica-2"));
			router.updateTopology(positions(900, 1000, 1000, System.nanoTime()));
			router.updateTopology(view(null, "replica-1", "replica-2"));
			return assertThat(router.requiredPosition()).isEqualTo(1000);
		});
	}

	/**
	 * Record a write on the current thread, placed at {@code position} as a read placing it would.
	 */
	private static void placedWrite(ReplicationRouter router, long position) {
		router.recordUnplacedWrite();
		router.primaryRead(position, System.nanoTime());
		assertThat(router.requiredPosition()).isGreaterThanOrEqualTo(position).isNotEqualTo(ReplicationRouter.UNPLACED);
	}

	/**
	 * Return a view in which both replicas serve reads, having replayed these positions.
	 */
	private static ClusterView positions(long replica1, long replica2) {
		return new ClusterView("primary",
				List.of(new NodeStatus("primary", NodeRole.PRIMARY, true, false, 1000, 0, Duration.ZERO, null, null),
						new NodeStatus("replica-1", NodeRole.STANDBY, true, true, replica1, 1000 - replica1,
								Duration.ZERO, null, null),
						new NodeStatus("replica-2", NodeRole.STANDBY, true, true, replica2, 1000 - replica2,
								Duration.ZERO, null, null)));
	}

	/**
	 * Return a view in which both replicas serve reads, having replayed these positions, and the
	 * primary was at {@code primary}, read by a query sent at {@code readAt}.
	 */
	private static ClusterView positions(long replica1, long replica2, long primary, long readAt) {
		return new ClusterView("primary", 0,
				List.of(new NodeStatus("primary", NodeRole.PRIMARY, true, false, primary, 0, Duration.ZERO, null, null),
						new NodeStatus("replica-1", NodeRole.STANDBY, true, true, replica1, primary - replica1,
								Duration.ZERO, null, null),
						new NodeStatus("replica-2", NodeRole.STANDBY, true, true, replica2, primary - replica2,
								Duration.ZERO, null, null)))
			.withPrimaryPositionReadAt(readAt);
	}

	@Test
	void replicaHeldOutForMaintenanceServesNoReadsUntilPutBack() throws Exception {
		ClusterView all = view("primary", "replica-1", "replica-2");
		this.router.updateTopology(new ClusterView("primary", 0, all.nodes(), java.util.Set.of("replica-1")));
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			for (int i = 0; i < 4; i++) {
				assertDecision(this.router.decide(), "replica-2", Reason.READ_ONLY_ANNOTATION, true);
			}
			return null;
		});
		this.router.updateTopology(all);
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			assertThat(List.of(this.router.decide().node(), this.router.decide().node()))
				.containsExactlyInAnyOrder("replica-1", "replica-2");
			return null;
		});
	}

	@Test
	void beforeAnyCheckReadsGoToThePrimaryAsNoReplicaLagIsKnown() throws Exception {
		ReplicationRouter unchecked = new ReplicationRouter("primary", weights("replica-1", "replica-2"),
				ReplicaLoadBalancer::roundRobin, new ThreadWriteHistoryScope(), Duration.ofSeconds(2), true);
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> assertDecision(unchecked.decide(), "primary",
				Reason.NO_HEALTHY_REPLICA, true));
	}

	@Test
	void writeWithoutAPrimaryWaitsForTheViewThatShowsOne() throws Exception {
		ReplicationRouter router = new ReplicationRouter("primary", weights("replica-1", "replica-2"),
				ReplicaLoadBalancer::roundRobin, new ThreadWriteHistoryScope(), ReadYourWritesPolicy.window(Duration.ofSeconds(2)), true,
				Duration.ofSeconds(10));
		router.updateTopology(view(null, "replica-1", "replica-2"));
		Thread promotion = new Thread(() -> {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				return;
			}
			router.updateTopology(view("replica-1", "replica-2"));
		});
		long started = System.nanoTime();
		promotion.start();
		assertDecision(router.decide(), "replica-1", Reason.NOT_READ_ONLY, false);
		promotion.join();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(150),
				Duration.ofSeconds(5));
	}

	@Test
	void writeWithoutAPrimaryFailsAfterTheMaxWait() {
		ReplicationRouter router = new ReplicationRouter("primary", weights("replica-1", "replica-2"),
				ReplicaLoadBalancer::roundRobin, new ThreadWriteHistoryScope(), ReadYourWritesPolicy.window(Duration.ofSeconds(2)), true,
				Duration.ofMillis(300));
		router.updateTopology(view(null, "replica-1", "replica-2"));
		long started = System.nanoTime();
		assertThatExceptionOfType(NoPrimaryAvailableException.class).isThrownBy(router::decide)
			.withMessageContaining("'replication.failover.max-wait' (300 ms)");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
				Duration.ofSeconds(5));
	}

	@Test
	void failedPrimaryIsAskedAgainOnlyOnceANewerViewStillShowsIt() {
		ReplicationRouter router = new ReplicationRouter("primary", weights("replica-1", "replica-2"),
				ReplicaLoadBalancer::roundRobin, new ThreadWriteHistoryScope(), ReadYourWritesPolicy.window(Duration.ofSeconds(2)), true,
				Duration.ofMillis(300));
		router.updateTopology(view("primary", "replica-1", "replica-2"));
		assertThatExceptionOfType(NoPrimaryAvailableException.class).isThrownBy(() -> router.awaitPrimary(
				Reason.NOT_READ_ONLY, "primary", router.failoverDeadline(), new java.sql.SQLException("refused", "08001")));
	}

	/**
	 * Return a view of primary, replica-1 and replica-2 in which {@code primary} takes the writes,
	 * {@code readable} serve reads and every other node is down.
	 */
	private static ClusterView view(@Nullable String primary, String... readable) {
		List<String> up = List.of(readable);
		List<NodeStatus> nodes = new java.util.ArrayList<>();
		for (String name : List.of("primary", "replica-1", "replica-2")) {
			if (name.equals(primary)) {
				nodes.add(new NodeStatus(name, NodeRole.PRIMARY, true, false, 100, 0, Duration.ZERO, null, null));
			}
			else if (up.contains(name)) {
				nodes.add(new NodeStatus(name, NodeRole.STANDBY, true, true, 100, 0, Duration.ZERO, null, null));
			}
			else {
				nodes.add(new NodeStatus(name, NodeRole.UNKNOWN, false, false, -1, -1, null, "Connection refused",
						null));
			}
		}
		return new ClusterView(primary, nodes);
	}

	private static java.util.Map<String, Integer> weights(String... replicas) {
		java.util.Map<String, Integer> weights = new java.util.LinkedHashMap<>();
		for (String replica : replicas) {
			weights.put(replica, 1);
		}
		return weights;
	}

	@Test
	void jpaStatementOutsideATransactionGoesToAReplica() {
		assertThat(JpaOutsideTransaction.enter()).isTrue();
		try {
			assertDecision(this.router.decide(), "replica-1", Reason.JPA_OUTSIDE_TRANSACTION, true);
		}
		finally {
			JpaOutsideTransaction.exit();
		}
		assertDecision(this.router.decide(), "primary", Reason.NOT_READ_ONLY, false);
	}

	@Test
	void jpaStatementOnAConnectionInATransactionOfItsOwnGoesToThePrimary() {
		assertThat(JpaOutsideTransaction.enter()).isTrue();
		try {
			assertDecision(this.router.decide(false, true), "primary", Reason.NOT_READ_ONLY, false);
			RoutingContextHolder.Frame readOnly = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
			try {
				assertThat(this.router.decide(false, true).primary()).as("@ReadOnly still reads from a replica").isFalse();
			}
			finally {
				RoutingContextHolder.exit(readOnly);
			}
		}
		finally {
			JpaOutsideTransaction.exit();
		}
	}

	@Test
	void connectionMarkedReadOnlyIsRoutedAsAReadOnlyTransactionUnlessAReadWriteOneIsActive() {
		assertDecision(this.router.decide(true, false), "replica-1", Reason.READ_ONLY_TRANSACTION, true);
		TransactionSynchronizationManager.setActualTransactionActive(true);
		assertDecision(this.router.decide(true, false), "primary", Reason.READ_WRITE_TRANSACTION, false);
	}

	@Test
	void jpaStatementIsNotMarkedInsideATransaction() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		assertThat(JpaOutsideTransaction.enter()).isFalse();
		assertThat(JpaOutsideTransaction.isActive()).isFalse();
		assertDecision(this.router.decide(), "primary", Reason.READ_WRITE_TRANSACTION, false);
	}

	@Test
	void jpaStatementOutsideATransactionHonoursPrimaryAndReadYourWrites() throws Exception {
		assertThat(JpaOutsideTransaction.enter()).isTrue();
		try {
			RoutingContextHolder.call(RoutingIntent.PRIMARY,
					() -> assertDecision(this.router.decide(), "primary", Reason.PRIMARY_ANNOTATION, false));
			RoutingContextHolder.call(null, () -> {
				this.router.recordWrite();
				return assertDecision(this.router.decide(), "primary", Reason.READ_YOUR_WRITES, true);
			});
		}
		finally {
			JpaOutsideTransaction.exit();
		}
	}

	@Test
	void jpaStatementOutsideATransactionFailsOverToAnotherReplicaWithItsReason() {
		assertThat(JpaOutsideTransaction.enter()).isTrue();
		try {
			RoutingDecision first = this.router.decide();
			RoutingDecision next = this.router.decideAfterFailure(first, java.util.Set.of(first.node()),
					new IllegalStateException("down"));
			assertThat(next.node()).isNotEqualTo(first.node()).startsWith("replica-");
			assertThat(next.reason()).isEqualTo(Reason.JPA_OUTSIDE_TRANSACTION);
		}
		finally {
			JpaOutsideTransaction.exit();
		}
	}

	private static RoutingDecision assertDecision(RoutingDecision decision, String node, Reason reason,
			boolean readOnly) {
		assertThat(decision.node()).isEqualTo(node);
		assertThat(decision.reason()).isEqualTo(reason);
		assertThat(decision.readOnly()).isEqualTo(readOnly);
		return decision;
	}

}
