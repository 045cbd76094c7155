package dev.replication.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Savepoint;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.ConnectionProxy;

/**
 * The connection a {@link ReplicationDataSource} hands out: it takes a pooled connection from the
 * {@link ReplicationRoutingDataSource} only when the first statement (or another call that needs
 * the database) comes, once Spring has begun the transaction and marked it read-only or not, so
 * that the router decides knowing what the caller does.
 *
 * <p>Until then it keeps what a transaction manager sets (auto-commit, isolation, read-only,
 * holdability, catalog, schema) and applies it to the pooled connection when it gets one (the
 * isolation only if it differs from the pool's default, the auto-commit mode only if it differs
 * from the connection's); commit and rollback of a transaction that ran no statement do
 * nothing, as with Spring's {@code LazyConnectionDataSourceProxy}, whose behaviour this follows.
 * Unlike that proxy it is a plain class, not a JDK proxy (no argument array, boxing or
 * reflective call per method), and it is also the write tracker of a write connection, so that
 * a transaction costs one object here where the proxy and a tracker cost several.
 */
final class LazyRoutedConnection extends WriteTrackingConnection implements ConnectionProxy {

	private static final int UNSET = Integer.MIN_VALUE;

	private final ReplicationRoutingDataSource routingDataSource;

	private final int defaultTransactionIsolation;

	private boolean autoCommit;

	private int transactionIsolation;

	private boolean readOnly;

	private boolean autoCommitSwitchedOff;

	private int holdability = UNSET;

	private @Nullable String catalog;

	private @Nullable String schema;

	private boolean closed;

	LazyRoutedConnection(ReplicationRoutingDataSource routingDataSource, boolean defaultAutoCommit,
			int defaultTransactionIsolation) {
		super(null);
		this.routingDataSource = routingDataSource;
		this.defaultTransactionIsolation = defaultTransactionIsolation;
		this.autoCommit = defaultAutoCommit;
		this.transactionIsolation = defaultTransactionIsolation;
	}

	private boolean connected() {
		return target() != null;
	}

	@Override
	Connection connect() throws SQLException {
		if (this.closed) {
			throw new SQLException("Illegal operation: connection is closed");
		}
		// An earlier attempt may have been a write connection that failed before it was handed over.
		stopTrackingWrites();
		Connection target = this.routingDataSource.getConnection(this);
		try {
			applySettings(target);
		}
		catch (Throwable ex) {
			stopTrackingWrites();
			try {
				target.close();
			}
			catch (Throwable closeFailure) {
				ex.addSuppressed(closeFailure);
			}
			throw ex;
		}
		target(target);
		return target;
	}

	/**
	 * Return whether the caller began a transaction on this connection before it was routed
	 * (auto-commit switched off with no pooled connection yet).
	 */
	boolean inOwnTransaction() {
		// Spring's transaction managers also switch auto-commit off first, but their transaction is
		// known to the router by then; this tells it of one Spring does not know of. Asked of the
		// call, not of the mode: on a pool in manual-commit mode, Hibernate still switches it off.
		return this.autoCommitSwitchedOff;
	}

	/**
	 * Return whether the caller marked this connection read-only before it was routed.
	 */
	boolean markedReadOnly() {
		return this.readOnly;
	}

	private void applySettings(Connection target) throws SQLException {
		if (this.catalog != null) {
			target.setCatalog(this.catalog);
		}
		if (this.schema != null) {
			target.setSchema(this.schema);
		}
		if (this.holdability != UNSET) {
			target.setHoldability(this.holdability);
		}
		if (this.readOnly) {
			try {
				target.setReadOnly(true);
			}
			catch (SQLException ex) {
				// A hint, as Spring treats it (the router already chose for a read-only caller), unless
				// the connection is broken: then the caller hears of it now.
				if (ex instanceof SQLTimeoutException || ConnectionFailures.isConnectionFailure(ex)) {
					throw ex;
				}
			}
		}
		if (this.transactionIsolation != this.defaultTransactionIsolation) {
			target.setTransactionIsolation(this.transactionIsolation);
		}
		// Asked of the connection, not assumed from the default: a replica's pool may differ.
		if (this.autoCommit != target.getAutoCommit()) {
			target.setAutoCommit(this.autoCommit);
		}
	}

	/**
	 * Return the pooled connection, taking it now if there is none yet. Statements run on it
	 * directly are not seen here, so a write connection counts as having written.
	 */
	@Override
	public Connection getTargetConnection() {
		try {
			Connection target = connected() ? target() : connect();
			statementCreating();
			return target;
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Failed to obtain a connection from the routing data source",
					ex);
		}
	}

	/**
	 * Return this connection if it is a {@code type}, else what the pooled connection unwraps to,
	 * taking it now if there is none yet; as with {@link #getTargetConnection()}, statements run on
	 * what is unwrapped are not seen here, so a write connection counts as having written.
	 */
	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		T unwrapped = super.unwrap(type);
		statementCreating();
		return unwrapped;
	}

	@Override
	public void setAutoCommit(boolean autoCommit) throws SQLException {
		if (connected()) {
			super.setAutoCommit(autoCommit);
		}
		else {
			this.autoCommit = autoCommit;
			this.autoCommitSwitchedOff = !autoCommit;
		}
	}

	@Override
	public boolean getAutoCommit() throws SQLException {
		return connected() ? super.getAutoCommit() : this.autoCommit;
	}

	@Override
	public void setTransactionIsolation(int level) throws SQLException {
		if (connected()) {
			super.setTransactionIsolation(level);
		}
		else {
			this.transactionIsolation = level;
		}
	}

	@Override
	public int getTransactionIsolation() throws SQLException {
		return connected() ? super.getTransactionIsolation() : this.transactionIsolation;
	}

	@Override
	public void setReadOnly(boolean readOnly) throws SQLException {
		if (connected()) {
			super.setReadOnly(readOnly);
		}
		else {
			this.readOnly = readOnly;
		}
	}

	@Override
	public boolean isReadOnly() throws SQLException {
		return connected() ? super.isReadOnly() : this.readOnly;
	}

	@Override
	public void setHoldability(int holdability) throws SQLException {
		if (connected()) {
			super.setHoldability(holdability);
		}
		else {
			this.holdability = holdability;
		}
	}

	@Override
	public int getHoldability() throws SQLException {
		return (connected() || this.holdability == UNSET) ? super.getHoldability() : this.holdability;
	}

	@Override
	public void setCatalog(String catalog) throws SQLException {
		if (connected()) {
			super.setCatalog(catalog);
		}
		else {
			this.catalog = catalog;
		}
	}

	@Override
	public String getCatalog() throws SQLException {
		return (connected() || this.catalog == null) ? super.getCatalog() : this.catalog;
	}

	@Override
	public void setSchema(String schema) throws SQLException {
		if (connected()) {
			super.setSchema(schema);
		}
		else {
			this.schema = schema;
		}
	}

	@Override
	public String getSchema() throws SQLException {
		return (connected() || this.schema == null) ? super.getSchema() : this.schema;
	}

	@Override
	public void commit() throws SQLException {
		// Before the first statement there is nothing to commit.
		if (connected()) {
			super.commit();
		}
	}

	@Override
	public void rollback() throws SQLException {
		// Nothing to roll back before the first statement, nor on a pooled connection closed under
		// us (a rollback after a failure that closed it would hide that failure).
		if (connected() && !target().isClosed()) {
			super.rollback();
		}
	}

	@Override
	public void rollback(Savepoint savepoint) throws SQLException {
		if (connected() && !target().isClosed()) {
			super.rollback(savepoint);
		}
	}

	@Override
	public @Nullable SQLWarning getWarnings() throws SQLException {
		return connected() ? super.getWarnings() : null;
	}

	@Override
	public void clearWarnings() throws SQLException {
		if (connected()) {
			super.clearWarnings();
		}
	}

	@Override
	public void close() throws SQLException {
		if (connected()) {
			super.close();
		}
		else {
			this.closed = true;
		}
	}

	@Override
	public boolean isClosed() throws SQLException {
		return connected() ? super.isClosed() : this.closed;
	}

	@Override
	public String toString() {
		return connected() ? super.toString() : "LazyRoutedConnection, no node chosen yet";
	}

}
