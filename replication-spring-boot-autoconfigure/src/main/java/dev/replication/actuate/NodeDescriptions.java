package dev.replication.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;

/**
 * Describes the nodes of a {@link ClusterView} for the health indicator and the endpoint, so that
 * both say the same thing the same way. Only what the monitor already knows: nothing here opens
 * a connection, and last errors come already stripped of credentials.
 */
final class NodeDescriptions {

	private NodeDescriptions() {
	}

	/**
	 * Return every node of {@code view} by name, in configuration order.
	 */
	static Map<String, Object> describe(ClusterView view) {
		Map<String, Object> nodes = new LinkedHashMap<>();
		for (NodeStatus node : view.nodes()) {
			nodes.put(node.name(), describe(view, node));
		}
		return nodes;
	}

	/**
	 * Return what is known of {@code node}: role, state, lag in bytes and milliseconds (absent
	 * when unknown), WAL position, timeline, last check and last error.
	 */
	static Map<String, Object> describe(ClusterView view, NodeStatus node) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("role", node.role().name().toLowerCase(java.util.Locale.ROOT));
		details.put("state", state(view, node));
		details.put("readable", view.readable().contains(node.name()));
		if (node.lagBytes() >= 0) {
			details.put("lagBytes", node.lagBytes());
		}
		if (node.lag() != null && node.lagKnown()) {
			details.put("lagMillis", node.lag().toMillis());
		}
		if (node.position() >= 0) {
			details.put("position", node.position());
		}
		if (node.timeline() > 0) {
			details.put("timeline", node.timeline());
		}
		if (node.lastCheck() != null) {
			details.put("lastCheck", node.lastCheck().toString());
		}
		if (node.lastError() != null) {
			details.put("lastError", node.lastError());
		}
		return details;
	}

	/**
	 * Return one word for where {@code node} stands: {@code primary}, {@code in-rotation},
	 * {@code held-out}, {@code lagging}, {@code lag-unknown}, {@code fenced}, {@code standby}
	 * (a standby with no primary to compare it with) or {@code down}.
	 */
	static String state(ClusterView view, NodeStatus node) {
		if (!node.up()) {
			return "down";
		}
		if (view.fenced(node)) {
			return "fenced";
		}
		if (node.name().equals(view.primary())) {
			return "primary";
		}
		if (view.heldOut().contains(node.name())) {
			return "held-out";
		}
		if (node.readable()) {
			return "in-rotation";
		}
		if (node.role() == NodeRole.STANDBY && view.primary() != null) {
			return node.lagKnown() ? "lagging" : "lag-unknown";
		}
		return "standby";
	}

}
