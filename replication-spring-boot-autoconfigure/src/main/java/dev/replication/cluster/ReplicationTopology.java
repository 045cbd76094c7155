package dev.replication.cluster;

import java.util.List;
import java.util.Optional;

/**
 * The cluster as the health monitor sees it now: for dashboards, health endpoints and metrics.
 * Each call returns the latest published {@link ClusterView}, never a copy kept from start-up.
 */
public interface ReplicationTopology {

	/**
	 * Return the latest view of the cluster.
	 */
	ClusterView getView();

	/**
	 * Return the status of every configured node, primary first as configured.
	 */
	default List<NodeStatus> getNodes() {
		return getView().nodes();
	}

	/**
	 * Return the name of the node writes go to, or empty when there is none (no node reports
	 * being the primary, or more than one does).
	 */
	default Optional<String> getPrimary() {
		return Optional.ofNullable(getView().primary());
	}

}
