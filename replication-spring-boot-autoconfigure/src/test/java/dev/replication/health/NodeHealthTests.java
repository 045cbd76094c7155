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
		this.health.checked(new NodeCheck.Result(true, 10));
		this.health.failed(new IllegalStateException());
		assertThat(this.health.up()).isTrue();
	}

	@Test
	void failedConnectionTakesTheNodeDownAtOnceAndItNeedsTheRecoveryThresholdToReturn() {
		assertThat(this.health.connectionFailed(new IllegalStateException("refused"))).isTrue();
		assertThat(this.health.connectionFailed(new IllegalStateException("refused"))).isFalse();
		this.health.checked(new NodeCheck.Result(true, 10));
		this.health.checked(new NodeCheck.Result(true, 10));
		assertThat(this.health.up()).isFalse();
		this.health.checked(new NodeCheck.Result(true, 10));
		assertThat(this.health.up()).isTrue();
		assertThat(this.health.readable()).isTrue();
	}

	@Test
	void roleFollowsWhatTheNodeReports() {
		this.health.checked(new NodeCheck.Result(false, 10));
		assertThat(this.health.role()).isEqualTo(NodeRole.PRIMARY);
		assertThat(this.health.readable()).isFalse();
	}

	@Test
	void standbyBeyondEitherLagLimitIsNotReadable() {
		this.health.checked(new NodeCheck.Result(true, 5000));
		this.health.lagBehind(5500, Duration.ofSeconds(1).toNanos());
		assertThat(this.health.readable()).isTrue();
		assertThat(this.health.status().lagBytes()).isEqualTo(500);
		this.health.lagBehind(6001, Duration.ofSeconds(1).toNanos());
		assertThat(this.health.readable()).as("over max-lag-bytes").isFalse();
		this.health.lagBehind(5001, Duration.ofSeconds(11).toNanos());
		assertThat(this.health.readable()).as("over max-lag").isFalse();
		this.health.lagBehind(5000, Duration.ofSeconds(30).toNanos());
		assertThat(this.health.readable()).as("caught up").isTrue();
		assertThat(this.health.status().lag()).isEqualTo(Duration.ZERO);
	}

}
