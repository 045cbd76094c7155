package dev.replication.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The cluster as the health monitor saw it at one moment: which node takes the writes, the
 * highest timeline seen (a primary on a lower one is fenced: it never takes writes), and each
 * node's role, state, timeline, WAL position and lag. Immutable: the monitor publishes a new view whenever
 * what it sees changes, and the router, health indicators and metrics all read the same one, so
 * none of them keeps a copy that could go stale.
 */
public final class ClusterView {

	private final @Nullable String primary;

	private final long timeline;

	private final List<NodeStatus> nodes;

	private final List<String> readable;

	private final Set<String> heldOut;

	private final long primaryPositionReadAt;

	private final long primaryPosition;

	/**
	 * Create a view in which {@code primary} (or nobody) takes the writes and {@code nodes}, in
	 * configuration order, are as given.
	 */
	public ClusterView(@Nullable String primary, List<NodeStatus> nodes) {
		this(primary, 0, nodes);
	}

	/**
	 * Create a view in which {@code primary} (or nobody) takes the writes, {@code timeline} is the
	 * highest timeline seen so far, and {@code nodes}, in configuration order, are as given.
	 */
	public ClusterView(@Nullable String primary, long timeline, List<NodeStatus> nodes) {
		this(primary, timeline, nodes, Set.of());
	}

	/**
	 * Create a view as above in which the nodes in {@code heldOut} (taken out of rotation for
	 * maintenance) serve no reads, whatever their state.
	 */
	public ClusterView(@Nullable String primary, long timeline, List<NodeStatus> nodes, Set<String> heldOut) {
		this(primary, timeline, nodes, heldOut, 0, false);
	}

	private ClusterView(@Nullable String primary, long timeline, List<NodeStatus> nodes, Set<String> heldOut,
			long primaryPositionReadAt, boolean primaryPositionReadAtKnown) {
		this.primaryPositionReadAt = primaryPositionReadAt;
		this.primary = primary;
		this.timeline = timeline;
		this.nodes = List.copyOf(nodes);
		this.heldOut = Set.copyOf(heldOut);
		List<String> readable = new ArrayList<>();
		for (NodeStatus node : this.nodes) {
			if (node.readable() && !this.heldOut.contains(node.name())) {
				readable.add(node.name());
			}
		}
		this.readable = List.copyOf(readable);
		NodeStatus primaryStatus = (primary != null && primaryPositionReadAtKnown) ? node(primary) : null;
		this.primaryPosition = (primaryStatus != null) ? primaryStatus.position() : -1;
	}

	/**
	 * Return this view, in which the primary's position was read by a query sent at
	 * {@code readAt} ({@link System#nanoTime()} in this JVM): every write that had returned from
	 * its commit by then is covered by that position.
	 */
	public ClusterView withPrimaryPositionReadAt(long readAt) {
		return new ClusterView(this.primary, this.timeline, this.nodes, this.heldOut, readAt, true);
	}

	/**
	 * Return the view before any check: the configured primary takes the writes, and no replica
	 * serves reads yet, as none of their lags is known.
	 */
	public static ClusterView unchecked(String primary, List<String> replicas) {
		List<NodeStatus> nodes = new ArrayList<>();
		nodes.add(new NodeStatus(primary, NodeRole.PRIMARY, true, false, -1, 0, null, null, null, 0, true));
		for (String replica : replicas) {
			nodes.add(new NodeStatus(replica, NodeRole.STANDBY, true, false, -1, -1, null, null, null, 0, false));
		}
		return new ClusterView(primary, nodes);
	}

	/**
	 * Return the highest timeline seen on any node so far, 0 if none yet: a primary on a lower
	 * one is an old primary back without being fenced, and takes no writes.
	 */
	public long timeline() {
		return this.timeline;
	}

	/**
	 * Return whether {@code node} reports being a primary on a timeline lower than the highest
	 * seen: a former primary, which must never take writes again.
	 */
	public boolean fenced(NodeStatus node) {
		return node.up() && node.role() == NodeRole.PRIMARY && node.timeline() > 0 && node.timeline() < this.timeline;
	}

	/**
	 * Return the name of the node writes go to, or {@code null} when there is none (no node
	 * reports being the primary, or more than one does).
	 */
	public @Nullable String primary() {
		return this.primary;
	}

	/**
	 * Return the primary's WAL position if it is known when it was read, else -1: with
	 * {@link #primaryPositionReadAt()}, what places a caller's unplaced token without a query.
	 */
	public long primaryPosition() {
		return this.primaryPosition;
	}

	/**
	 * Return the {@link System#nanoTime()} at which the query that read
	 * {@link #primaryPosition()} was sent; meaningless when that position is -1.
	 */
	public long primaryPositionReadAt() {
		return this.primaryPositionReadAt;
	}

	/**
	 * Return every configured node, the configured primary first.
	 */
	public List<NodeStatus> nodes() {
		return this.nodes;
	}

	/**
	 * Return the node called {@code name}, or {@code null} if it is not configured.
	 */
	public @Nullable NodeStatus node(String name) {
		for (NodeStatus node : this.nodes) {
			if (node.name().equals(name)) {
				return node;
			}
		}
		return null;
	}

	/**
	 * Return the names of the nodes taken out of rotation for maintenance: they serve no reads
	 * until put back, and are still checked meanwhile.
	 */
	public Set<String> heldOut() {
		return this.heldOut;
	}

	/**
	 * Return the names of the nodes reads may go to now, in configuration order: readable, and
	 * not held out.
	 */
	public List<String> readable() {
		return this.readable;
	}

	/**
	 * Return whether {@code other} routes exactly like this view: same primary, same readable
	 * nodes. Positions and lag may differ.
	 */
	public boolean routesLike(ClusterView other) {
		return java.util.Objects.equals(this.primary, other.primary) && this.readable.equals(other.readable);
	}

	/**
	 * Return what is seen of every node, for messages and logs.
	 */
	public String describe() {
		List<String> primaries = this.nodes.stream()
			.filter((node) -> node.up() && node.role() == NodeRole.PRIMARY && !fenced(node))
			.map(NodeStatus::name)
			.toList();
		String nodes = this.nodes.stream()
			.map((node) -> fenced(node) ? node + " (fenced: timeline " + this.timeline + " seen)"
					: this.heldOut.contains(node.name()) ? node + " (held out of rotation)" : node.toString())
			.collect(Collectors.joining(", "));
		return (primaries.size() > 1)
				? "split brain, " + String.join(" and ", primaries) + " all report being the primary; " + nodes
				: nodes;
	}

	@Override
	public String toString() {
		return describe();
	}

}
