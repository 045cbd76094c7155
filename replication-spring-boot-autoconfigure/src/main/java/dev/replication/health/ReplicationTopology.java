package dev.replication.health;

import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the cluster as the health monitor sees it: each node's role, state and
 * lag, and which node takes the writes. For dashboards and health endpoints.
 */
public interface ReplicationTopology {

	/**
	 * Return the status of every configured node, primary first as configured.
	 */
	List<NodeStatus> getNodes();

	/**
	 * Return the name of the node writes go to, or empty when there is none (no node reports
	 * being the primary, or more than one does).
	 */
	Optional<String> getPrimary();

}
