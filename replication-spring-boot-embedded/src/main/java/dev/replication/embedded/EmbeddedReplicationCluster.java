package dev.replication.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A real PostgreSQL primary with hot-standby replicas fed by physical streaming replication, all
 * on loopback, for tests and local development.
 *
 * <pre class="code">
 * try (EmbeddedReplicationCluster cluster = EmbeddedReplicationCluster.builder().replicas(2).start()) {
 *     cluster.pauseReplay(cluster.replica(0));  // deterministic lag
 *     ...
 * }
 * </pre>
 *
 * <p>Every server runs in a private temporary directory that is deleted on {@link #close()}.
 * The servers are stopped on close, on JVM exit, and, through a small watchdog process, even when
 * the JVM is killed.
 */
public final class EmbeddedReplicationCluster implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(EmbeddedReplicationCluster.class);

	private static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(30);

	private final Path directory;

	private final List<ClusterNode> nodes;

	private final PgCtl pgCtl;

	private final OrphanWatchdog watchdog;

	private final Thread shutdownHook = new Thread(this::close, "replication-cluster-shutdown");

	private final Set<ClusterNode> followers = ConcurrentHashMap.newKeySet();

	private final int synchronousStandbys;

	private volatile ClusterNode primary;

	private volatile boolean closed;

	private EmbeddedReplicationCluster(Path directory, List<ClusterNode> nodes, PgCtl pgCtl,
			boolean registerShutdownHook, int synchronousStandbys) {
		this.directory = directory;
		this.synchronousStandbys = synchronousStandbys;
		this.nodes = List.copyOf(nodes);
		this.pgCtl = pgCtl;
		this.primary = nodes.get(0);
		this.watchdog = OrphanWatchdog.start(directory, nodes.stream().map(ClusterNode::dataDirectory).toList());
		if (registerShutdownHook) {
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		}
	}

	/**
	 * Return a builder for a new cluster.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the current primary: the first node until a replica is {@linkplain #promote promoted}.
	 */
	public ClusterNode primary() {
		return this.primary;
	}

	/**
	 * Return the nodes that follow the current primary, in creation order.
	 */
	public List<ClusterNode> replicas() {
		return this.nodes.stream().filter(this.followers::contains).toList();
	}

	/**
	 * Return the replica at {@code index} of {@link #replicas()}.
	 */
	public ClusterNode replica(int index) {
		return replicas().get(index);
	}

	/**
	 * Return how many standbys must have flushed a commit before the primary acknowledges it: 0
	 * when replication is asynchronous.
	 */
	public int synchronousStandbys() {
		return this.synchronousStandbys;
	}

	/**
	 * Return every node, including a former primary that follows no one.
	 */
	public List<ClusterNode> nodes() {
		return this.nodes;
	}

	/**
	 * Return the node called {@code name}.
	 */
	public ClusterNode node(String name) {
		return this.nodes.stream()
			.filter((node) -> node.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No node named '" + name + "' in " + this.nodes));
	}

	/**
	 * Wait until every running replica has replayed the primary's current WAL position.
	 */
	public void awaitReplication() {
		String target = NodeSql.queryString(this.primary, "SELECT pg_current_wal_lsn()::text");
		long deadline = System.nanoTime() + AWAIT_TIMEOUT.toNanos();
		for (ClusterNode replica : replicas()) {
			if (!replica.isRunning()) {
				continue;
			}
			while (!NodeSql.queryBoolean(replica, "SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn")) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(replica.name() + " has not replayed " + target + " within "
							+ AWAIT_TIMEOUT + " (replayed " + NodeSql.queryString(replica, "SELECT pg_last_wal_replay_lsn()::text")
							+ "; is its replay paused?)");
				}
				sleep(5);
			}
		}
	}

	/**
	 * Pause WAL replay on {@code replica} and wait until it is paused: from then on it sees no
	 * new writes of the primary, a deterministic replication lag.
	 */
	public void pauseReplay(ClusterNode replica) {
		NodeSql.execute(replica, "SELECT pg_wal_replay_pause()");
		long deadline = System.nanoTime() + AWAIT_TIMEOUT.toNanos();
		while (!"paused".equals(NodeSql.queryString(replica, "SELECT pg_get_wal_replay_pause_state()"))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(replica.name() + " did not pause its replay within " + AWAIT_TIMEOUT);
			}
			sleep(5);
		}
	}

	/**
	 * Resume WAL replay on {@code replica}.
	 */
	public void resumeReplay(ClusterNode replica) {
		NodeSql.execute(replica, "SELECT pg_wal_replay_resume()");
	}

	/**
	 * Stop {@code node} immediately, as a crash would: no checkpoint, open connections broken.
	 */
	public synchronized void stop(ClusterNode node) {
		stopNode(node);
	}

	/**
	 * Start {@code node} again with its data, on the same port.
	 */
	public synchronized void start(ClusterNode node) {
		startNode(node);
	}

	// Unsynchronized: the cluster's lock holder starts and stops several nodes in parallel.
	private void stopNode(ClusterNode node) {
		if (node.isRunning()) {
			this.pgCtl.stop(node.dataDirectory(), "immediate");
			node.setRunning(false);
			logger.info(node.name() + " - stopped");
		}
	}

	private void startNode(ClusterNode node) {
		if (!node.isRunning()) {
			this.pgCtl.start(node.dataDirectory(), node.port(), node.logFile());
			node.setRunning(true);
			logger.info(node.name() + " - started on " + node.jdbcUrl());
		}
	}

	/**
	 * Promote {@code replica} to primary and point the other replicas at it. The former primary,
	 * stopped or not, follows no one afterwards: {@link #rebuildAsReplica} turns it into a replica.
	 * With {@linkplain Builder#synchronousStandbys synchronous standbys}, the promoted node waits
	 * for that many of the other nodes from its first commit on.
	 */
	public synchronized void promote(ClusterNode replica) {
		if (replica == this.primary || !replica.isRunning()) {
			throw new IllegalArgumentException(replica.name() + " is not a running replica");
		}
		List<ClusterNode> followers = replicas().stream().filter((node) -> node != replica).toList();
		if (this.synchronousStandbys > 0) {
			// Before the promotion, so that no commit of the new primary is ever acknowledged unreplicated.
			requireSynchronousStandbys(replica);
		}
		if (!NodeSql.queryBoolean(replica, "SELECT pg_promote(true, 60)")) {
			throw new IllegalStateException(replica.name() + " was not promoted within 60 seconds");
		}
		ClusterNode former = this.primary;
		this.primary = replica;
		this.followers.remove(replica);
		for (ClusterNode follower : followers) {
			Standbys.follow(replica, follower);
		}
		logger.info(replica.name() + " - promoted to primary; " + former.name() + " follows no one");
	}

	/**
	 * Replace the data of {@code node} with a base backup of the current primary and start it as
	 * a replica of it: the way back into the cluster for a former primary.
	 */
	public synchronized void rebuildAsReplica(ClusterNode node) {
		if (node == this.primary) {
			throw new IllegalArgumentException(node.name() + " is the primary");
		}
		stopNode(node);
		try {
			FileTrees.delete(node.dataDirectory());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		createReplicas(List.of(node));
	}

	/**
	 * Stop every server and delete the cluster's directory.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		CompletableFuture.allOf(this.nodes.stream()
			.map((node) -> CompletableFuture.runAsync(() -> stopQuietly(node)))
			.toArray(CompletableFuture[]::new)).join();
		if (this.watchdog != null) {
			this.watchdog.stop();
		}
		PostgresBinaries.deleteQuietly(this.directory);
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down: this may be the hook.
		}
	}

	@Override
	public String toString() {
		return "primary " + this.primary.jdbcUrl() + ", replicas "
				+ replicas().stream().map(ClusterNode::jdbcUrl).toList();
	}

	private void stopQuietly(ClusterNode node) {
		try {
			stopNode(node);
		}
		catch (RuntimeException ex) {
			logger.warn(node.name() + " - could not be stopped: " + ex.getMessage());
		}
	}

	private void requireSynchronousStandbys(ClusterNode primary) {
		SynchronousStandbys.require(primary, this.synchronousStandbys,
				this.nodes.stream().filter((node) -> node != primary).toList());
	}

	private void createReplicas(List<ClusterNode> replicas) {
		Standbys.create(this.primary, replicas);
		this.followers.addAll(replicas);
		CompletableFuture.allOf(replicas.stream()
			.map((replica) -> CompletableFuture.runAsync(() -> startNode(replica)))
			.toArray(CompletableFuture[]::new)).join();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * Builds and starts an {@link EmbeddedReplicationCluster}.
	 */
	public static final class Builder {

		private int replicas = 2;

		private int port;

		private int synchronousStandbys;

		private boolean registerShutdownHook = true;

		private Builder() {
		}

		/**
		 * Specify whether a JVM shutdown hook closes the cluster. Turn it off when something else
		 * closes it in order, as a Spring application context does after the beans that use it;
		 * the watchdog still stops the servers if the JVM dies without closing it. Default is
		 * {@code true}.
		 */
		public Builder registerShutdownHook(boolean registerShutdownHook) {
			this.registerShutdownHook = registerShutdownHook;
			return this;
		}

		/**
		 * Specify how many replicas to start. Default is 2.
		 */
		public Builder replicas(int replicas) {
			if (replicas < 0) {
				throw new IllegalArgumentException("replicas must not be negative");
			}
			this.replicas = replicas;
			return this;
		}

		/**
		 * Specify how many standbys must have flushed a commit to disk before the primary
		 * acknowledges it ({@code synchronous_standby_names = 'ANY n (...)'} naming the other nodes),
		 * kept so across {@linkplain EmbeddedReplicationCluster#promote promotions}. An acknowledged
		 * commit then survives the loss of the primary, provided the most advanced standby is
		 * promoted; but while fewer standbys than this are streaming, commits wait. Pausing replay
		 * does not make them wait. Default is 0: asynchronous replication.
		 */
		public Builder synchronousStandbys(int synchronousStandbys) {
			if (synchronousStandbys < 0) {
				throw new IllegalArgumentException("synchronousStandbys must not be negative");
			}
			this.synchronousStandbys = synchronousStandbys;
			return this;
		}

		/**
		 * Specify the primary's port; replica {@code n} listens on {@code port + n}. Default is 0:
		 * free ports chosen at random.
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Start the primary, take a base backup of it for every replica, start the replicas and
		 * return once each accepts connections.
		 */
		public EmbeddedReplicationCluster start() {
			if (this.synchronousStandbys > this.replicas) {
				throw new IllegalArgumentException("synchronousStandbys (" + this.synchronousStandbys
						+ ") must not exceed replicas (" + this.replicas + "): commits would wait forever");
			}
			long started = System.nanoTime();
			PgCtl pgCtl = new PgCtl(PostgresBinaries.get());
			Path directory = createDirectory();
			List<ClusterNode> nodes = new ArrayList<>();
			for (int i = 0; i <= this.replicas; i++) {
				String name = (i == 0) ? "primary" : "replica-" + i;
				int nodePort = (this.port != 0) ? this.port + i : freePort();
				nodes.add(new ClusterNode(name, nodePort, directory.resolve(name), directory.resolve(name + ".log")));
			}
			EmbeddedReplicationCluster cluster = new EmbeddedReplicationCluster(directory, nodes, pgCtl,
					this.registerShutdownHook, this.synchronousStandbys);
			try {
				pgCtl.initdb(nodes.get(0).dataDirectory(), ServerSettings.forCluster(directory));
				cluster.startNode(nodes.get(0));
				if (this.replicas > 0) {
					cluster.createReplicas(nodes.subList(1, nodes.size()));
				}
				if (this.synchronousStandbys > 0) {
					// Once the standbys stream: the base backup's own commits need not wait for them.
					cluster.requireSynchronousStandbys(nodes.get(0));
				}
			}
			catch (RuntimeException ex) {
				cluster.close();
				throw ex;
			}
			logger.info("Started PostgreSQL replication cluster in " + Duration.ofNanos(System.nanoTime() - started)
				.toMillis() + " ms: " + cluster);
			return cluster;
		}

		private static Path createDirectory() {
			try {
				// Short, because PostgreSQL's unix socket path is limited to about 100 characters.
				return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "rpg");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
