package dev.replication.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link AbstractRoutingDataSource} over one connection pool per node, asking the
 * {@link ReplicationRouter} which node serves each new connection.
 *
 * <p>Meant to sit behind a {@link ReplicationDataSource}, whose connections fetch a connection
 * from here only when the first statement runs, once Spring has begun the transaction. A
 * connection for a read-only caller is marked read-only; one to the primary for a writer is
 * watched for commits, for read-your-writes (by the {@link LazyRoutedConnection} that asked for
 * it, or by a wrapper when asked directly).
 *
 * <p>When a node cannot hand out a connection, it is reported to the
 * {@link NodeFailureListener} (which takes it out of rotation) and the same call tries the node
 * the router picks next: only the acquisition of a fresh connection fails over, never a
 * statement of a transaction already under way.
 */
public class ReplicationRoutingDataSource extends AbstractRoutingDataSource {

	private final ReplicationRouter router;

	private final String configuredPrimary;

	private final Map<String, DataSource> nodes;

	private final Function<String, DataSource> poolFactory;

	private final RoutingListener[] listeners;

	private final NodeFailureListener failureListener;

	private final PoolRetirement poolRetirement = new PoolRetirement();

	private final ReplayCheck replayCheck;

	private final ReadYourWritesMode readYourWritesMode;

	private final boolean monotonicReads;

	private volatile boolean closed;

	/**
	 * Create a routing data source over {@code nodes} (by node name, the primary included), able
	 * to replace the pool of a node with a new one from {@code poolFactory}.
	 */
	public ReplicationRoutingDataSource(ReplicationRouter router, Map<String, DataSource> nodes,
			List<RoutingListener> listeners, NodeFailureListener failureListener,
			Function<String, DataSource> poolFactory) {
		this.router = router;
		this.configuredPrimary = router.primary();
		this.nodes = new ConcurrentHashMap<>(nodes);
		this.poolFactory = poolFactory;
		this.listeners = listeners.toArray(RoutingListener[]::new);
		this.failureListener = failureListener;
		this.replayCheck = new ReplayCheck(this, router.readYourWrites().maxWait());
		this.readYourWritesMode = router.readYourWrites().mode();
		this.monotonicReads = router.readYourWrites().monotonicReads();
		setTargetDataSources(new HashMap<>(nodes));
		setLenientFallback(false);
		afterPropertiesSet();
	}

	/**
	 * Return the current primary, without moving the load balancer on: {@link #getConnection()}
	 * does not use it, only {@code unwrap} and {@code isWrapperFor} do.
	 */
	@Override
	protected Object determineCurrentLookupKey() {
		String primary = this.router.primary();
		return (primary != null) ? primary : this.configuredPrimary;
	}

	@Override
	protected DataSource determineTargetDataSource() {
		return this.nodes.get((String) determineCurrentLookupKey());
	}

	@Override
	public Connection getConnection() throws SQLException {
		return getConnection(null);
	}

	/**
	 * Take a connection for the routed caller holding {@code handle}: a write connection is not
	 * wrapped to watch its commits, the handle is told to watch them itself.
	 */
	Connection getConnection(@Nullable LazyRoutedConnection handle) throws SQLException {
		long started = System.nanoTime();
		RoutingDecision decision = (handle != null)
				? this.router.decide(handle.markedReadOnly(), handle.inOwnTransaction()) : this.router.decide();
		Set<String> tried = null;
		while (true) {
			try {
				Connection connection;
				if (decision.checkReplay) {
					ReplayCheck.Checked checked = checkReplay(decision);
					decision = checked.decision();
					connection = (checked.connection() != null) ? checked.connection() : openConnection(decision);
				}
				else {
					connection = prepare(decision, node(decision).getConnection(), handle);
				}
				if (!decision.primary() && !TransactionSynchronizationManager.isActualTransactionActive()) {
					return ReadFailoverConnection.wrap(this, connection, decision);
				}
				return connection;
			}
			catch (SQLException | RuntimeException ex) {
				boolean connectionFailure = ConnectionFailures.isConnectionFailure(ex);
				if (decision.primary()) {
					if (!connectionFailure && !(ex instanceof SQLTransientConnectionException)) {
						// A failing statement or listener says nothing about the primary being there.
						throw ex;
					}
					// The pool waits at most its connection timeout: a busy primary is asked again, and
					// a dead one is replaced by the primary the monitor sees next, until the deadline.
					long deadline = this.router.failoverDeadline(started);
					if (System.nanoTime() - deadline >= 0) {
						if (connectionFailure) {
							nodeFailed(decision.node(), ex);
						}
						throw ex;
					}
					if (connectionFailure) {
						nodeFailed(decision.node(), ex);
						decision = this.router.awaitPrimary(decision.reason(), decision.node(), deadline, ex);
					}
					continue;
				}
				if (ex instanceof RuntimeException && !connectionFailure) {
					throw ex;
				}
				nodeFailed(decision.node(), ex);
				tried = (tried != null) ? tried : new HashSet<>(4);
				tried.add(decision.node());
				decision = this.router.decideAfterFailure(decision, tried, ex);
				if (decision == null) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Not supported: credentials are configured per node.
	 */
	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("Credentials are configured per node: 'replication.*.username'");
	}

	/**
	 * Return the pools by node name, the configured primary first.
	 */
	public Map<String, DataSource> getNodes() {
		return new LinkedHashMap<>(this.nodes);
	}

	/**
	 * Return the current pool of the node called {@code name} (pools are replaced when their
	 * node goes down), or {@code null} if there is no such node.
	 */
	public DataSource getNode(String name) {
		return this.nodes.get(name);
	}

	/**
	 * Return the pool of the primary as configured: the one schema migrations run on.
	 */
	public DataSource getPrimaryDataSource() {
		return this.nodes.get(this.configuredPrimary);
	}

	/**
	 * Replace the pool of {@code node} with a new one, which connects on first use: for a node that
	 * went down, whose pooled connections are dead and whose pool would retry in the background
	 * with a growing back-off. The old pool is closed in the background once its connections in
	 * use are all returned, so work still under way on it is not cut short.
	 */
	public void replacePool(String node) {
		DataSource current = this.nodes.get(node);
		if (this.closed || current == null || neverStarted(current)) {
			// A pool that never connected is as good as a new one: a flapping node piles none up.
			return;
		}
		DataSource fresh = this.poolFactory.apply(node);
		if (this.nodes.replace(node, current, fresh)) {
			this.poolRetirement.retire(node, current);
		}
		else if (fresh instanceof AutoCloseable closeable) {
			// Replaced meanwhile by another caller: this one never connected.
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Nothing was opened.
			}
		}
	}

	private static boolean neverStarted(DataSource pool) {
		return pool instanceof HikariDataSource hikari && !hikari.isClosed() && hikari.getHikariPoolMXBean() == null;
	}

	/**
	 * Stop replacing pools and close every node's pool.
	 */
	void close() throws Exception {
		this.closed = true;
		this.poolRetirement.close();
		Exception failure = null;
		for (DataSource node : this.nodes.values()) {
			if (node instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					if (failure == null) {
						failure = ex;
					}
					else {
						failure.addSuppressed(ex);
					}
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Return the router that decides for this data source.
	 */
	public ReplicationRouter getRouter() {
		return this.router;
	}

	/**
	 * Open a connection to the node of {@code decision} and prepare it for the caller.
	 */
	Connection openConnection(RoutingDecision decision) throws SQLException {
		return prepare(decision, node(decision).getConnection());
	}

	/**
	 * Take a connection for {@code decision}, which asks to check replay: see
	 * {@link ReplayCheck#open}.
	 */
	ReplayCheck.Checked checkReplay(RoutingDecision decision) throws SQLException {
		return this.replayCheck.open(decision);
	}

	void nodeFailed(String node, Throwable failure) {
		if (ConnectionFailures.isNodeFailure(failure)) {
			this.failureListener.nodeFailed(node, failure);
		}
	}

	DataSource node(RoutingDecision decision) {
		return this.nodes.get(decision.node());
	}

	/**
	 * Prepare {@code connection}, just taken from the node of {@code decision}, for the caller,
	 * and tell the listeners; close it if that fails.
	 */
	Connection prepare(RoutingDecision decision, Connection connection) throws SQLException {
		return prepare(decision, connection, null);
	}

	private Connection prepare(RoutingDecision decision, Connection connection,
			@Nullable LazyRoutedConnection handle) throws SQLException {
		try {
			Connection prepared = connection;
			if (decision.readOnly()) {
				// A standby refuses writes by itself; the primary must be told, in auto-commit mode.
				if (decision.primary() && !TransactionSynchronizationManager.isActualTransactionActive()) {
					prepared = ReadOnlySessionConnection.wrap(connection);
				}
				if (this.monotonicReads) {
					prepared = ReadTrackingConnection.wrap(prepared, this.router);
				}
			}
			else if (this.readYourWritesMode != ReadYourWritesMode.NONE
					&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
				boolean lsn = this.readYourWritesMode == ReadYourWritesMode.LSN;
				if (handle != null) {
					handle.trackWrites(this.router, lsn);
				}
				else {
					prepared = WriteTrackingConnection.wrap(connection, this.router, lsn);
				}
			}
			for (RoutingListener listener : this.listeners) {
				listener.routed(decision);
			}
			return prepared;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

}
