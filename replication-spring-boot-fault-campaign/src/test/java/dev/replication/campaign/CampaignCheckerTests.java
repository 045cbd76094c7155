package dev.replication.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CampaignChecker}: each promise it holds the starter to is one it can see
 * broken, on calls made up for the purpose.
 */
class CampaignCheckerTests {

	private static final long MS = 1_000_000L;

	private final FaultLog faults = new FaultLog("primary");

	private final long t0 = this.faults.started();

	private final List<Call> calls = new ArrayList<>();

	@Test
	void cleanRunHasNoViolation() {
		write(100, 110, "primary", false);
		read(120, 130, "replica-1", Call.Kind.READ_YOUR_WRITE, Call.Outcome.OK);
		assertThat(violations(Set.of(), true)).isEmpty();
	}

	@Test
	void writeAcknowledgedByANodeInRecoveryOrNotThePrimaryIsAViolation() {
		write(100, 110, "primary", true);
		write(120, 130, "replica-1", false);
		assertThat(violations(Set.of(), false)).hasSize(2)
			.allMatch((violation) -> violation.startsWith("write acknowledged by"));
	}

	@Test
	void writeOnTheNodeBeingPromotedIsAcknowledgedByThePrimary() {
		this.faults.primary(null);
		long promoting = System.nanoTime();
		this.faults.primary("replica-1");
		this.calls.add(new Call(1, Call.Kind.WRITE, promoting - 10 * MS, promoting + 10 * MS, "replica-1", false,
				Call.Outcome.OK, null, 1));
		this.faults.promotion(new FaultLog.Promotion("replica-1", "primary", promoting + 5 * MS));
		assertThat(violations(Set.of(), false)).isEmpty();
	}

	@Test
	void readYourWriteMissingItsRowIsAViolationUnlessTheRowWasLost() {
		read(100, 110, "primary", Call.Kind.READ_YOUR_WRITE, Call.Outcome.MISSING);
		assertThat(violations(Set.of(), false)).singleElement().asString().startsWith("read-your-writes");
		assertThat(violations(Set.of(1L), false)).isEmpty();
	}

	@Test
	void callLongerThanTheBoundOrPastItsDeadlineIsAViolation() {
		read(100, 100 + 6001, "replica-1", Call.Kind.READ, Call.Outcome.OK);
		read(100, 200, null, Call.Kind.READ, Call.Outcome.DEADLINE);
		assertThat(violations(Set.of(), false)).hasSize(2).allMatch((violation) -> violation.startsWith("call took"));
	}

	@Test
	void promotionNotFollowedByAWriteWithinTheBoundIsAViolation() {
		this.faults.primary("replica-1");
		this.faults.promotion(new FaultLog.Promotion("replica-1", "primary", this.t0 + 100 * MS));
		write(3200, 3300, "replica-1", false);
		assertThat(violations(Set.of(), false)).singleElement().asString()
			.startsWith("writes on replica-1 not resumed within 3000 ms").contains("served after 3200 ms");
	}

	@Test
	void replicaNotServingWithinTheBoundIsAViolationUnlessTheNextFaultHitItFirst() {
		this.faults.recovery(new FaultLog.Recovery("replica-1", "restarted", this.t0 + 100 * MS, this.t0 + 100 * MS));
		assertThat(violations(Set.of(), false)).singleElement().asString()
			.startsWith("replica-1 not serving reads within 3000 ms of catching up after being restarted");
		this.faults.fault(new FaultLog.Fault(FaultLog.Kind.REPLAY_PAUSE, "replica-1", this.t0 + 1000 * MS,
				this.t0 + 2000 * MS));
		assertThat(violations(Set.of(), false)).isEmpty();
	}

	@Test
	void primaryFailoverBeforeARestartedReplicaServedCutsItsRecoveryShort() {
		// Seen in a CI run: replica-2 back in rotation, then the primary killed 70 ms later: every
		// client waited for the new primary with its write, and replica-2 was re-pointed at it.
		this.faults.recovery(new FaultLog.Recovery("replica-2", "restarted", this.t0 + 100 * MS, this.t0 + 130 * MS));
		this.faults.fault(new FaultLog.Fault(FaultLog.Kind.PRIMARY_FAILOVER, "primary -> replica-1",
				this.t0 + 2000 * MS, this.t0 + 5000 * MS));
		read(3600, 3700, "replica-2", Call.Kind.READ, Call.Outcome.OK);
		assertThat(violations(Set.of(), false)).isEmpty();
	}

	@Test
	void replicaIsGivenTheBoundFromWhenItHasCaughtUpWithThePrimary() {
		this.faults.recovery(new FaultLog.Recovery("replica-1", "restarted", this.t0 + 100 * MS, this.t0 + 2100 * MS));
		read(4000, 4500, "replica-1", Call.Kind.READ, Call.Outcome.OK);
		assertThat(violations(Set.of(), false)).isEmpty();
		read(200, 300, "primary", Call.Kind.READ, Call.Outcome.OK);
		this.faults.recovery(new FaultLog.Recovery("replica-2", "restarted", this.t0 + 100 * MS, this.t0 + 200 * MS));
		read(3400, 3500, "replica-2", Call.Kind.READ, Call.Outcome.OK);
		assertThat(violations(Set.of(), false)).singleElement().asString().contains("served after 3400 ms");
	}

	@Test
	void activeConnectionsAtTheEndAndWritesLostDespiteASynchronousStandbyAreViolations() {
		CampaignChecker checker = new CampaignChecker(this.calls, this.faults, Duration.ofSeconds(6),
				Duration.ofSeconds(3));
		assertThat(checker.violations(Set.of(7L), true, Map.of("primary", 1))).containsExactly(
				"pool of primary still has 1 active connections at the end",
				"1 acknowledged writes lost although a synchronous standby had them");
		assertThat(checker.violations(Set.of(7L), false, Map.of("primary", 0))).isEmpty();
	}

	private List<String> violations(Set<Long> lost, boolean synchronous) {
		return new CampaignChecker(this.calls, this.faults, Duration.ofSeconds(6), Duration.ofSeconds(3))
			.violations(lost, synchronous, Map.of("primary", 0, "replica-1", 0));
	}

	private void write(long startMillis, long endMillis, String node, boolean inRecovery) {
		this.calls.add(new Call(1, Call.Kind.WRITE, this.t0 + startMillis * MS, this.t0 + endMillis * MS, node,
				inRecovery, Call.Outcome.OK, null, 1));
	}

	private void read(long startMillis, long endMillis, String node, Call.Kind kind, Call.Outcome outcome) {
		this.calls.add(new Call(1, kind, this.t0 + startMillis * MS, this.t0 + endMillis * MS, node,
				!"primary".equals(node), outcome, null, 1));
	}

}
