package dev.replication.health;

import dev.replication.cluster.NodeRole;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NodeHealth}: the thresholds, the role and the lag limits.
 */
class NodeHealthTests {

	private final HealthSettings settings = new HealthSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
			Duration.ofSeconds(10), 1000, 2, 3);

	private final NodeHealth health = new NodeHealth("replica-1", NodeRole.STANDBY, this.settings);

	@Test
	void nodeGoesDownAfterTheFailureThresholdOnly() {
		assertThat(this.health.failed(new IllegalStateException("one"))).isFalse();
		assertThat(this.health.up()).isTrue();
		assertThat(this.health.failed(new IllegalStateException("two"))).isTrue();
		assertThat(this.health.up()).isFalse();
		assertThat(this.health.status().lastError()).isEqualTo("IllegalStateException: two");
		assertThat(this.health.status().role()).isEqualTo(NodeRole.UNKNOWN);
	}

	@Test
	void goodCheckResetsTheFailureCount() {
		this.health.failed(new IllegalStateException());
		this.health.checked(new NodeCheck.Result(true, 10, 1));
		this.health.failed(new IllegalStateException());
		assertThat(this.health.up()).isTrue();
	}

	@Test
	void failedConnectionTakesTheNodeDownAtOnceAndItNeedsTheRecoveryThresholdToReturn() {
		assertThat(this.health.connectionFailed(new IllegalStateException("refused"))).isTrue();
		assertThat(this.health.connectionFailed(new IllegalStateException("refused"))).isFalse();
		this.health.checked(new NodeCheck.Result(true, 10, 1));
		this.health.checked(new NodeCheck.Result(true, 10, 1));
		assertThat(this.health.up()).isFalse();
		this.health.checked(new NodeCheck.Result(true, 10, 1));
		assertThat(this.health.up()).isTrue();
		this.health.lagBehind(10, 0, true);
		assertThat(this.health.readable()).isTrue();
	}

	@Test
	void roleFollowsWhatTheNodeReports() {
		this.health.checked(new NodeCheck.Result(false, 10, 1));
		assertThat(this.health.role()).isEqualTo(NodeRole.PRIMARY);
		assertThat(this.health.readable()).isFalse();
	}

	@Test
	void standbyBeyondEitherLagLimitIsNotReadable() {
		this.health.checked(new NodeCheck.Result(true, 5000, 1));
		this.health.lagBehind(5500, Duration.ofSeconds(1).toNanos(), true);
		assertThat(this.health.readable()).isTrue();
		assertThat(this.health.status().lagBytes()).isEqualTo(500);
		this.health.lagBehind(6001, Duration.ofSeconds(1).toNanos(), true);
		assertThat(this.health.readable()).as("over max-lag-bytes").isFalse();
		this.health.lagBehind(5001, Duration.ofSeconds(11).toNanos(), true);
		assertThat(this.health.readable()).as("over max-lag").isFalse();
		this.health.lagBehind(5000, Duration.ofSeconds(30).toNanos(), true);
		assertThat(this.health.readable()).as("caught up").isTrue();
		assertThat(this.health.status().lag()).isEqualTo(Duration.ZERO);
	}

	@Test
	void standbyWhoseLagIsUnknownIsNotReadableUntilItHasCaughtUp() {
		this.health.checked(new NodeCheck.Result(true, 5000, 1));
		assertThat(this.health.readable()).as("before its lag was ever measured").isFalse();
		assertThat(this.health.status().lagKnown()).isFalse();
		this.health.lagBehind(5001, 0, false);
		assertThat(this.health.readable()).as("behind since before the first sample").isFalse();
		assertThat(this.health.status().lagKnown()).isFalse();
		this.health.lagBehind(5000, 0, false);
		assertThat(this.health.readable()).as("caught up").isTrue();
		assertThat(this.health.status().lagKnown()).isTrue();
	}

	@Test
	void checkThatFailedOnItsOwnConnectionButWorkedOverThePoolIsAGoodCheck() {
		this.health.failed(new IllegalStateException("one"));
		assertThat(this.health.checkedOverThePool(new NodeCheck.Result(true, 10, 2),
				new IllegalStateException("too many connections"))).isFalse();
		this.health.failed(new IllegalStateException("two"));
		assertThat(this.health.up()).isTrue();
		assertThat(this.health.timeline()).isEqualTo(2);
	}

}
