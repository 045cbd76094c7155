package dev.replication.actuate;

import java.util.ArrayList;
import java.util.List;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeStatus;
import dev.replication.cluster.ReplicationTopology;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code replication} health of the application's database, read from the health monitor's
 * latest {@link ClusterView}: a health request opens no connection, and never looks at a pool
 * that was replaced.
 *
 * <p>{@code UP} while a primary takes writes, whatever the replicas do (those down or lagging
 * are listed in the details, and reported with the configured status if one is set);
 * {@link #READ_ONLY} when no node takes writes but replicas still serve reads; {@code DOWN} when
 * no node serves anything.
 */
public class ReplicationHealthIndicator implements HealthIndicator {

	/**
	 * No node takes writes, but replicas serve reads. Not in Spring Boot's default status order,
	 * so it leaves the aggregate status alone unless it is listed in
	 * {@code management.endpoint.health.status.order}.
	 */
	public static final Status READ_ONLY = new Status("READ_ONLY", "No primary: writes fail, replicas serve reads");

	private final ReplicationTopology topology;

	private final Status replicaOutStatus;

	/**
	 * Create an indicator reading {@code topology}, reporting {@code replicaOutStatus} while a
	 * primary takes writes and a replica is out of rotation (down or lagging; not held out).
	 */
	public ReplicationHealthIndicator(ReplicationTopology topology, Status replicaOutStatus) {
		this.topology = topology;
		this.replicaOutStatus = replicaOutStatus;
	}

	@Override
	public Health health() {
		ClusterView view = this.topology.getView();
		List<String> out = replicasOut(view);
		Health.Builder health;
		if (view.primary() != null) {
			health = out.isEmpty() ? Health.up() : Health.status(this.replicaOutStatus);
		}
		else {
			health = view.readable().isEmpty() ? Health.down() : Health.status(READ_ONLY);
			health.withDetail("message", view.readable().isEmpty() ? "No primary and no replica serves reads"
					: "No primary: writes fail until a node reports being the primary; replicas serve reads");
		}
		if (view.primary() != null) {
			health.withDetail("primary", view.primary());
		}
		if (!out.isEmpty()) {
			health.withDetail("replicasOut", out);
		}
		return health.withDetail("timeline", view.timeline())
			.withDetail("readable", view.readable())
			.withDetail("nodes", NodeDescriptions.describe(view))
			.build();
	}

	/**
	 * Return the replicas that should serve reads but do not: not the primary, not held out for
	 * maintenance, and down, lagging or lag unknown.
	 */
	private static List<String> replicasOut(ClusterView view) {
		List<String> out = new ArrayList<>();
		for (NodeStatus node : view.nodes()) {
			if (!node.name().equals(view.primary()) && !view.heldOut().contains(node.name())
					&& !view.readable().contains(node.name())) {
				out.add(node.name());
			}
		}
		return out;
	}

}
