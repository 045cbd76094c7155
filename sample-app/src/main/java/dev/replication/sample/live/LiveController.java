package dev.replication.sample.live;

import java.time.Instant;
import java.util.List;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeStatus;
import dev.replication.cluster.ReplicationTopology;
import dev.replication.sample.live.DemoControls.Action;
import dev.replication.sample.live.DemoControls.NodeControls;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The JSON behind the live page ({@code static/index.html}): {@code GET /live} is the cluster as
 * the starter's health monitor sees it ({@link ReplicationTopology#getView()}) with the read/write
 * split of the last seconds; the other mappings switch the background load and apply the demo
 * controls.
 */
@RestController
class LiveController {

	private final ReplicationTopology topology;

	private final RoutingSplit split;

	private final LoadGenerator load;

	private final DemoControls demo;

	LiveController(ReplicationTopology topology, RoutingSplit split, LoadGenerator load, DemoControls demo) {
		this.topology = topology;
		this.split = split;
		this.load = load;
		this.demo = demo;
	}

	@GetMapping("/live")
	LiveState state() {
		ClusterView view = this.topology.getView();
		List<RoutingSplit.Count> split = this.split.counts();
		List<Node> nodes = view.nodes().stream().map((node) -> node(view, node, split)).toList();
		return new LiveState(view.primary(), view.timeline(), RoutingSplit.SECONDS, nodes, split,
				new Load(this.load.isEnabled(), this.load.getLastError()), this.demo.available());
	}

	@PutMapping("/live/load")
	Load load(@RequestParam boolean enabled) {
		this.load.setEnabled(enabled);
		return new Load(this.load.isEnabled(), this.load.getLastError());
	}

	@PostMapping("/live/nodes/{node}/{action}")
	@Nullable NodeControls demo(@PathVariable String node, @PathVariable String action) {
		Action demoAction = Action.of(action);
		if (demoAction == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No demo action '" + action + "'");
		}
		try {
			this.demo.perform(node, demoAction);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, ex.getMessage());
		}
		return this.demo.controls(node);
	}

	private Node node(ClusterView view, NodeStatus status, List<RoutingSplit.Count> split) {
		long reads = 0;
		long writes = 0;
		for (RoutingSplit.Count count : split) {
			if (count.node().equals(status.name())) {
				if (count.read()) {
					reads += count.connections();
				}
				else {
					writes += count.connections();
				}
			}
		}
		return new Node(status.name(), status.role().name().toLowerCase(), status.up(), status.readable(),
				view.fenced(status), status.name().equals(view.primary()), status.position(), status.lagBytes(),
				(status.lag() != null) ? status.lag().toMillis() : null, status.lagKnown(), status.lastError(),
				status.lastCheck(), reads, writes, this.demo.controls(status.name()));
	}

	/**
	 * Everything the live page shows.
	 *
	 * @param primary the node writes go to, {@code null} if none
	 * @param timeline the highest timeline seen
	 * @param windowSeconds how many seconds the split covers
	 * @param nodes every node, the configured primary first
	 * @param split connections handed out per node and reason over the window
	 * @param load the background load
	 * @param demo whether the demo controls are available
	 */
	record LiveState(@Nullable String primary, long timeline, int windowSeconds, List<Node> nodes,
			List<RoutingSplit.Count> split, Load load, boolean demo) {
	}

	/**
	 * One node as the health monitor last saw it, with its share of the split.
	 *
	 * @param name its name
	 * @param role the role it reported, lower case
	 * @param up whether it answers its checks
	 * @param readable whether reads may go to it now
	 * @param fenced whether it is a former primary that must take no writes
	 * @param writer whether writes go to it
	 * @param position its WAL position in bytes, -1 if unknown
	 * @param lagBytes WAL bytes it has still to replay, -1 if unknown
	 * @param lagMillis how long its oldest unreplayed WAL has waited, {@code null} if unknown
	 * @param lagKnown whether its lag is known
	 * @param lastError its last failure, without credentials
	 * @param lastCheck when it was last checked
	 * @param reads connections it handed out to readers over the window
	 * @param writes connections it handed out to writers over the window
	 * @param demo what the embedded cluster knows of it, {@code null} without one
	 */
	record Node(String name, String role, boolean up, boolean readable, boolean fenced, boolean writer,
			long position, long lagBytes, @Nullable Long lagMillis, boolean lagKnown, @Nullable String lastError,
			@Nullable Instant lastCheck, long reads, long writes, @Nullable NodeControls demo) {
	}

	/**
	 * The background load.
	 *
	 * @param enabled whether it runs
	 * @param lastError its last failure, {@code null} since its last success
	 */
	record Load(boolean enabled, @Nullable String lastError) {
	}

}
