package dev.replication.routing;

import java.time.Duration;
import java.util.List;

import dev.replication.context.JpaOutsideTransaction;
import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.context.ThreadWriteHistoryScope;
import dev.replication.routing.RoutingDecision.Reason;
import org.junit.jupiter.api.AfterEach;
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
		this.router.updateTopology("primary", List.of("replica-2"), () -> "replica-1 down");
		RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> {
			assertThat(this.router.decide().node()).isEqualTo("replica-2");
			assertThat(this.router.decide().node()).isEqualTo("replica-2");
			return null;
		});
		this.router.updateTopology("primary", List.of(), () -> "replica-1 down, replica-2 down");
		RoutingContextHolder.call(RoutingIntent.READ_ONLY,
				() -> assertDecision(this.router.decide(), "primary", Reason.NO_HEALTHY_REPLICA, true));
	}

	@Test
	void withoutFallbackReadsFailWhenNoReplicaIsHealthy() {
		ReplicationRouter router = new ReplicationRouter("primary", weights("replica-1"), ReplicaLoadBalancer::roundRobin,
				new ThreadWriteHistoryScope(), Duration.ZERO, false);
		router.updateTopology("primary", List.of(), () -> "replica-1 down");
		assertThatExceptionOfType(NoReplicaAvailableException.class)
			.isThrownBy(() -> RoutingContextHolder.call(RoutingIntent.READ_ONLY, router::decide))
			.withMessageContaining("'replication.fallback-to-primary' is false")
			.withMessageContaining("replica-1 down");
	}

	@Test
	void withoutPrimaryWritesFailFastNamingWhatWasSeen() {
		this.router.updateTopology(null, List.of("replica-1", "replica-2"), () -> "primary down (refused)");
		assertThatExceptionOfType(NoPrimaryAvailableException.class).isThrownBy(this.router::decide)
			.withMessage("No primary available: primary down (refused)");
	}

	@Test
	void writesFollowAPromotedNode() {
		this.router.updateTopology("replica-1", List.of("replica-2"), () -> "");
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
