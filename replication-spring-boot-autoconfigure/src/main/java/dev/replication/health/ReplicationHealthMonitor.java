package dev.replication.health;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import dev.replication.cluster.ReplicationTopology;
import dev.replication.routing.NodeFailureListener;
import dev.replication.routing.ReplicationRouter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Checks every node in the background, on a small scheduled executor of daemon threads (never a
 * thread per request), and keeps the {@link ReplicationRouter} told which node is the primary
 * and which replicas may serve reads.
 *
 * <p>The configured nodes are candidates, not fixed roles: the primary is the one node that is
 * up and reports {@code pg_is_in_recovery() = false}. With none, or with several (split brain),
 * there is no primary and writes fail, while healthy standbys keep serving reads. A node
 * whose connection fails is taken out at once and checked again straight away.
 *
 * <p>Fencing: the highest timeline seen on any node is remembered, and a node that reports being
 * a primary on a lower one (a former primary started again without being fenced) is never the
 * primary. A check that fails for a reason that does not say the node is down (too many
 * connections, a password refused, a slow check) is retried over one of the application's own
 * connections to the node: a node whose application connections work is not taken out.
 */
public class ReplicationHealthMonitor implements ReplicationTopology, NodeFailureListener, AutoCloseable {

	private static final Log logger = LogFactory.getLog(ReplicationHealthMonitor.class);

	private final Map<String, NodeHealth> nodes = new LinkedHashMap<>();

	private final Map<String, NodeCheck> checks = new LinkedHashMap<>();

	private final ReplicationRouter router;

	private final HealthSettings settings;

	private volatile Consumer<String> nodeDownCallback = (node) -> {
	};

	private volatile Function<String, @Nullable DataSource> pools = (node) -> null;

	/** The highest timeline seen on any node: guarded by this monitor's lock. */
	private long timeline;

	private final LsnHistory primaryHistory = new LsnHistory(4096);

	/** When each node's last good check sent its query ({@link System#nanoTime()}), under the lock. */
	private final Map<String, Long> positionsReadAt = new HashMap<>();

	private final ScheduledThreadPoolExecutor executor;

	private final AtomicBoolean recheckPending = new AtomicBoolean();

	private final AtomicBoolean started = new AtomicBoolean();

	private @Nullable String primary;

	/** The last node seen as the primary, to count failovers: guarded by this monitor's lock. */
	private @Nullable String lastPrimary;

	private volatile long primaryChanges;

	/** Nodes taken out of rotation for maintenance: guarded by this monitor's lock. */
	private final Set<String> heldOut = new LinkedHashSet<>();

	private volatile ClusterView view;

	/**
	 * Create a monitor of {@code nodes} (the configured primary first) that keeps {@code router}
	 * up to date once {@linkplain #start() started}.
	 */
	public ReplicationHealthMonitor(List<MonitoredNode> nodes, ReplicationRouter router, HealthSettings settings) {
		this.router = router;
		this.settings = settings;
		for (MonitoredNode node : nodes) {
			NodeRole expected = (node == nodes.get(0)) ? NodeRole.PRIMARY : NodeRole.STANDBY;
			this.nodes.put(node.name(), new NodeHealth(node.name(), expected, settings));
			this.checks.put(node.name(), new NodeCheck(node.url(), node.connectionProperties(),
					settings.connectTimeout(), settings.connectTimeout().plus(settings.interval())));
		}
		this.primary = nodes.get(0).name();
		this.view = ClusterView.unchecked(this.primary, nodes.stream().skip(1).map(MonitoredNode::name).toList());
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ScheduledThreadPoolExecutor(Math.min(nodes.size(), 4), (task) -> {
			Thread thread = new Thread(task, "replication-health-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.executor.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Specify what to do with a node that goes down, such as evicting its pooled connections.
	 */
	public void setNodeDownCallback(Consumer<String> nodeDownCallback) {
		this.nodeDownCallback = nodeDownCallback;
	}

	/**
	 * Specify where the application's pool of each node is found (the current one, as pools are
	 * replaced): a check that fails for the check's own trouble is run again over one of its
	 * connections.
	 */
	public void setPools(Function<String, @Nullable DataSource> pools) {
		this.pools = pools;
	}

	/**
	 * Check every node once, waiting for the answers (at most twice the connect timeout), then
	 * every {@link HealthSettings#interval()}: replicas serve reads only once their lag is known,
	 * so the first round is done before the application's first query.
	 */
	public void start() {
		if (!this.started.compareAndSet(false, true)) {
			return;
		}
		this.router.updateTopology(this.view);
		// Start-up waits at most this long for nodes that do not answer: their checks carry on. The
		// configured primary goes first, so that a standby that keeps up is compared with a position
		// read before its own, not taken for one behind since before start-up.
		long deadline = System.nanoTime() + this.settings.connectTimeout().multipliedBy(2).toNanos();
		List<String> names = new ArrayList<>(this.nodes.keySet());
		awaitChecks(List.of(this.executor.submit(() -> checkQuietly(names.get(0)))), deadline);
		List<Future<?>> standbys = new ArrayList<>();
		for (String node : names.subList(1, names.size())) {
			standbys.add(this.executor.submit(() -> checkQuietly(node)));
		}
		awaitChecks(standbys, deadline);
		// A standby that was replaying the primary's last few records when it was checked is asked
		// once more: one stuck since before start-up stays out of rotation, one that keeps up is in.
		List<Future<?>> again = new ArrayList<>();
		for (NodeStatus node : this.view.nodes()) {
			if (node.up() && node.role() == NodeRole.STANDBY && !node.lagKnown()) {
				again.add(this.executor.submit(() -> checkQuietly(node.name())));
			}
		}
		awaitChecks(again, deadline);
		long interval = this.settings.interval().toNanos();
		for (String node : this.nodes.keySet()) {
			this.executor.scheduleWithFixedDelay(() -> checkQuietly(node), interval, interval, TimeUnit.NANOSECONDS);
		}
	}

	private static void awaitChecks(List<Future<?>> checks, long deadline) {
		for (Future<?> check : checks) {
			try {
				check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				// Slow or failed: the scheduled checks carry on.
			}
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(this.settings.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.checks.values().forEach(NodeCheck::close);
	}

	/**
	 * Take a replica out of rotation at once, and look at every node again now: if the primary
	 * died, another may have been promoted. The primary itself is only marked down by its checks,
	 * since no other node can take its writes meanwhile.
	 */
	@Override
	public void nodeFailed(String node, Throwable failure) {
		boolean down;
		synchronized (this) {
			NodeHealth health = this.nodes.get(node);
			if (health == null) {
				return;
			}
			down = !node.equals(this.primary) && health.connectionFailed(failure);
			if (down) {
				publish();
			}
		}
		if (down) {
			this.nodeDownCallback.accept(node);
		}
		if (this.recheckPending.compareAndSet(false, true)) {
			try {
				this.executor.execute(() -> {
					this.recheckPending.set(false);
					this.nodes.keySet().forEach(this::checkQuietly);
				});
			}
			catch (RejectedExecutionException ex) {
				// Shutting down: no more checks.
			}
		}
	}

	@Override
	public ClusterView getView() {
		return this.view;
	}

	/**
	 * Take {@code node} out of rotation for maintenance ({@code heldOut} true), or put it back:
	 * a held-out node serves no new reads from the view published here on, and is still checked
	 * meanwhile. Connections it has already handed out are not cut short.
	 * @throws IllegalArgumentException if no node of that name is configured
	 */
	public void holdOut(String node, boolean heldOut) {
		synchronized (this) {
			if (!this.nodes.containsKey(node)) {
				throw new IllegalArgumentException("No node named [" + node + "]; configured nodes are "
						+ this.nodes.keySet());
			}
			boolean changed = heldOut ? this.heldOut.add(node) : this.heldOut.remove(node);
			if (changed) {
				logger.info(node + " - " + (heldOut ? "held out of rotation for maintenance" : "back in rotation"));
				publish();
			}
		}
	}

	/**
	 * Return how many times another node became the primary (failovers and switchovers): a
	 * primary that goes away and comes back is not counted.
	 */
	public long primaryChanges() {
		return this.primaryChanges;
	}

	/**
	 * Return what is seen of every node, for messages and logs.
	 */
	public String describe() {
		return this.view.describe();
	}

	private void checkQuietly(String node) {
		try {
			check(node);
		}
		catch (Throwable ex) {
			// Never let a failure cancel the node's scheduled checks.
			logger.error(node + " - health check failed unexpectedly", ex);
		}
	}

	private void check(String node) {
		NodeCheck check = this.checks.get(node);
		NodeCheck.Result result = null;
		Exception failure = null;
		// Before the query is sent: the position it reads covers every commit returned by then.
		long startedAt = System.nanoTime();
		try {
			result = check.run();
		}
		catch (Exception ex) {
			failure = ex;
		}
		NodeCheck.Result overThePool = (failure != null && !CheckFailures.saysNodeIsDown(failure))
				? checkOverThePool(node, failure) : null;
		boolean down;
		synchronized (this) {
			NodeHealth health = this.nodes.get(node);
			if (result != null) {
				down = health.checked(result);
				this.positionsReadAt.put(node, startedAt);
			}
			else if (overThePool != null) {
				down = health.checkedOverThePool(overThePool, failure);
				this.positionsReadAt.put(node, startedAt);
			}
			else {
				down = health.failed(failure);
			}
			this.timeline = Math.max(this.timeline, health.timeline());
			updateLag(health);
			publish();
		}
		if (down) {
			this.nodeDownCallback.accept(node);
		}
	}

	/**
	 * Run the check over one of the application's connections to {@code node}, after the check's
	 * own connection failed with {@code failure}: return the result, or {@code null} (with the
	 * reason added to {@code failure}) when that fails too.
	 */
	private NodeCheck.@Nullable Result checkOverThePool(String node, Exception failure) {
		DataSource pool = this.pools.apply(node);
		if (pool == null) {
			return null;
		}
		try (Connection connection = pool.getConnection()) {
			return NodeCheck.run(connection, this.settings.connectTimeout().plus(this.settings.interval()));
		}
		catch (Exception ex) {
			failure.addSuppressed(ex);
			return null;
		}
	}

	private void updateLag(NodeHealth checked) {
		long now = System.nanoTime();
		if (checked.up() && checked.role() == NodeRole.PRIMARY && checked.name().equals(this.primary)) {
			this.primaryHistory.record(checked.position(), now);
		}
		NodeHealth primary = (this.primary != null) ? this.nodes.get(this.primary) : null;
		for (NodeHealth node : this.nodes.values()) {
			if (node.role() == NodeRole.PRIMARY) {
				node.noLag();
			}
			else if (primary != null && primary.checkedOnce() && node.checkedOnce()) {
				// Lag in time is known only if the history goes back to what the standby has replayed.
				node.lagBehind(primary.position(), this.primaryHistory.behindNanos(node.position(), now),
						this.primaryHistory.covers(node.position()));
			}
		}
	}

	/**
	 * Publish a new view of every node to the router: called under the lock after each check, so
	 * views are published in order and each one holds the latest positions.
	 */
	private void publish() {
		List<String> primaries = primaries();
		String primary = (primaries.size() == 1) ? primaries.get(0) : null;
		if (!Objects.equals(primary, this.primary)) {
			// Positions of a former primary say nothing of how far behind the new one a replica is.
			this.primaryHistory.clear();
		}
		List<NodeStatus> statuses = new ArrayList<>(this.nodes.size());
		for (NodeHealth node : this.nodes.values()) {
			statuses.add(node.status());
		}
		ClusterView view = new ClusterView(primary, this.timeline, statuses, this.heldOut);
		Long primaryPositionReadAt = (primary != null) ? this.positionsReadAt.get(primary) : null;
		if (primaryPositionReadAt != null) {
			view = view.withPrimaryPositionReadAt(primaryPositionReadAt);
		}
		for (NodeStatus node : statuses) {
			NodeStatus before = this.view.node(node.name());
			if (view.fenced(node) && (before == null || !this.view.fenced(before))) {
				logger.warn(node.name() + " - reports being a primary on timeline " + node.timeline()
						+ ", lower than timeline " + this.timeline + " seen: fenced, it takes no writes");
			}
		}
		if (this.lastPrimary == null) {
			// The first primary seen, configured or not, is no failover: one before start-up is not counted.
			this.lastPrimary = primary;
		}
		if (!Objects.equals(primary, this.primary)) {
			if (primary != null) {
				if (!primary.equals(this.lastPrimary)) {
					this.primaryChanges++;
					this.lastPrimary = primary;
				}
				logger.info(primary + " - is the primary now; writes go there");
			}
			else {
				logger.warn("No primary: writes fail until one node reports being the primary (" + view.describe()
						+ ")");
			}
		}
		this.primary = primary;
		// Routing first: whoever sees this view (health, the endpoint, a test) finds routing following it.
		this.router.updateTopology(view);
		this.view = view;
	}

	/**
	 * Return the nodes that are up and report being a primary on the highest timeline seen: one
	 * on a lower timeline is a former primary, fenced.
	 */
	private List<String> primaries() {
		return this.nodes.values()
			.stream()
			.filter((node) -> node.up() && node.role() == NodeRole.PRIMARY && node.timeline() >= this.timeline)
			.map(NodeHealth::name)
			.toList();
	}

	/**
	 * A node to monitor: its name, JDBC URL and the driver properties its pool connects with
	 * (credentials, SSL settings...).
	 *
	 * @param name the node's name
	 * @param url its JDBC URL
	 * @param connectionProperties the driver properties, credentials included
	 */
	public record MonitoredNode(String name, String url, Properties connectionProperties) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
