package dev.replication.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplicationHealthIndicator}: the status and details it reports for views of
 * the cluster the health monitor could publish.
 */
class ReplicationHealthIndicatorTests {

	private static final NodeStatus PRIMARY = new NodeStatus("primary", NodeRole.PRIMARY, true, false, 5000, 0,
			Duration.ZERO, null, null);

	private static final NodeStatus REPLICA_1 = new NodeStatus("replica-1", NodeRole.STANDBY, true, true, 4000, 1000,
			Duration.ofMillis(40), null, null);

	private static final NodeStatus REPLICA_1_DOWN = new NodeStatus("replica-1", NodeRole.UNKNOWN, false, false, -1,
			-1, null, "PSQLException: Connection to localhost:5433 refused", null);

	private static final NodeStatus REPLICA_2 = new NodeStatus("replica-2", NodeRole.STANDBY, true, true, 5000, 0,
			Duration.ZERO, null, null);

	private static final NodeStatus PRIMARY_DOWN = new NodeStatus("primary", NodeRole.UNKNOWN, false, false, -1, -1,
			null, "PSQLException: Connection to localhost:5432 refused", null);

	@Test
	void upWithEveryNodeInDetailsWhileThePrimaryTakesWrites() {
		Health health = health(view("primary", PRIMARY, REPLICA_1, REPLICA_2), Status.UP);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("primary", "primary")
			.containsEntry("readable", List.of("replica-1", "replica-2"))
			.doesNotContainKey("replicasOut");
		assertThat(node(health, "replica-1")).containsEntry("role", "standby")
			.containsEntry("state", "in-rotation")
			.containsEntry("lagBytes", 1000L)
			.containsEntry("lagMillis", 40L);
		assertThat(node(health, "primary")).containsEntry("state", "primary").containsEntry("lagBytes", 0L);
	}

	@Test
	void replicaDownLeavesStatusUpAndShowsInDetails() {
		Health health = health(view("primary", PRIMARY, REPLICA_1_DOWN, REPLICA_2), Status.UP);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("replicasOut", List.of("replica-1"));
		assertThat(node(health, "replica-1")).containsEntry("state", "down")
			.containsEntry("lastError", "PSQLException: Connection to localhost:5433 refused")
			.doesNotContainKey("lagBytes");
	}

	@Test
	void replicaDownReportsTheConfiguredStatus() {
		Health health = health(view("primary", PRIMARY, REPLICA_1_DOWN, REPLICA_2), new Status("DEGRADED"));
		assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
	}

	@Test
	void replicaHeldOutForMaintenanceIsNotAReplicaOut() {
		ClusterView view = new ClusterView("primary", 0, List.of(PRIMARY, REPLICA_1, REPLICA_2), Set.of("replica-1"));
		Health health = health(view, new Status("DEGRADED"));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(node(health, "replica-1")).containsEntry("state", "held-out").containsEntry("readable", false);
	}

	@Test
	void noPrimaryWithReplicasServingReadsIsReadOnly() {
		Health health = health(view(null, PRIMARY_DOWN, REPLICA_1, REPLICA_2), Status.UP);
		assertThat(health.getStatus()).isEqualTo(ReplicationHealthIndicator.READ_ONLY);
		assertThat(health.getDetails()).doesNotContainKey("primary").containsKey("message");
	}

	@Test
	void noPrimaryAndNoReadableReplicaIsDown() {
		Health health = health(view(null, PRIMARY_DOWN, REPLICA_1_DOWN), Status.UP);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("message", "No primary and no replica serves reads");
	}

	private static Health health(ClusterView view, Status replicaOutStatus) {
		return new ReplicationHealthIndicator(() -> view, replicaOutStatus).health();
	}

	private static ClusterView view(@Nullable String primary, NodeStatus... nodes) {
		return new ClusterView(primary, List.of(nodes));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> node(Health health, String name) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("nodes")).get(name);
	}

}
