package dev.replication.sample.web;

import java.util.List;


import dev.replication.cluster.NodeStatus;
import dev.replication.cluster.ReplicationTopology;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /topology}: what the starter's health monitor sees of each node (role, state, lag,
 * last error), so that a replica taken out of rotation can be watched with curl.
 */
@RestController
class TopologyController {

	private final ReplicationTopology topology;

	TopologyController(ReplicationTopology topology) {
		this.topology = topology;
	}

	@GetMapping("/topology")
	List<NodeStatus> topology() {
		return this.topology.getNodes();
	}

}
