package dev.replication.routing;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import dev.replication.context.ConsistencyToken;
import dev.replication.context.JpaOutsideTransaction;
import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.context.ThreadWriteHistoryScope;
import dev.replication.context.WriteHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LazyRoutedConnection}: what Spring's {@code LazyConnectionDataSourceProxy}
 * does for the connections it hands out, plus watching a write connection's commits without a
 * second wrapper. The pool is a recording stand-in: what is checked is which calls reach it.
 */
class LazyRoutedConnectionTests {

	private final List<String> calls = new ArrayList<>();

	private final List<Connection> pooled = new ArrayList<>();

	private boolean pooledAutoCommit = true;

	private boolean closedPooled;

	private String failingSetter;

	private int failingQueries;

	private final ThreadWriteHistoryScope scope = new ThreadWriteHistoryScope();

	private final List<RoutingDecision> decisions = new ArrayList<>();

	private final ReplicationDataSource dataSource = dataSource(true);

	private RoutingContextHolder.Frame frame = RoutingContextHolder.enter(null);

	@AfterEach
	void exit() {
		RoutingContextHolder.exit(this.frame);
	}

	@Test
	void transactionSettingsAndAnEmptyTransactionTakeNoConnection() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
		connection.setReadOnly(true);
		connection.setHoldability(1);
		connection.setSchema("app");
		assertThat(connection.getAutoCommit()).isFalse();
		assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
		assertThat(connection.isReadOnly()).isTrue();
		assertThat(connection.getHoldability()).isEqualTo(1);
		assertThat(connection.getSchema()).isEqualTo("app");
		assertThat((Object) connection.getWarnings()).isNull();
		connection.clearWarnings();
		connection.commit();
		connection.rollback();
		assertThat(connection.isClosed()).isFalse();
		connection.close();
		assertThat(connection.isClosed()).isTrue();
		assertThat(this.pooled).isEmpty();
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.prepareStatement("SELECT 1"))
			.withMessageContaining("closed");
		assertThat(this.pooled).isEmpty();
	}

	@Test
	void firstStatementTakesOneConnectionAndAppliesWhatDiffersFromThePoolDefaults() throws SQLException {
		// On the primary (a connection marked read-only is otherwise routed as a read).
		RoutingContextHolder.Frame primary = RoutingContextHolder.enter(RoutingIntent.PRIMARY);
		try {
			Connection connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			connection.setReadOnly(true);
			connection.setSchema("app");
			connection.prepareStatement("SELECT 1");
			connection.prepareStatement("SELECT 2");
			assertThat(this.pooled).hasSize(1);
			// The isolation is the pool's default: not sent.
			assertThat(this.calls).containsExactly("setSchema[app]", "setReadOnly[true]", "setAutoCommit[false]",
					"prepareStatement[SELECT 1]", "prepareStatement[SELECT 2]");
			assertThat(((ConnectionProxy) connection).getTargetConnection()).isSameAs(this.pooled.get(0));
		}
		finally {
			RoutingContextHolder.exit(primary);
		}
	}

	@Test
	void unwrapToTheHandleItselfTakesNoConnection() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		assertThat(connection.unwrap(ConnectionProxy.class)).isSameAs(connection);
		assertThat(connection.isWrapperFor(ConnectionProxy.class)).isTrue();
		assertThat(connection.toString()).contains("no node chosen yet");
		assertThat(connection).isNotEqualTo(this.dataSource.getConnection());
		assertThat(this.pooled).isEmpty();
	}

	@Test
	void commitOfAWriteTransactionIsRecordedWithoutWrappingThePooledConnection() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		PreparedStatement statement = connection.prepareStatement("UPDATE t SET n = 1");
		statement.executeUpdate();
		assertThat(history()).isNull();
		connection.commit();
		ConsistencyToken token = history().token();
		assertThat(token.isUnplaced()).isTrue();
		// The handle watches the commits itself: the pooled connection is the pool's own.
		assertThat(((ConnectionProxy) connection).getTargetConnection()).isSameAs(this.pooled.get(0));
		connection.close();
		assertThat(history().token()).isSameAs(token);
	}

	@Test
	void rolledBackOrEmptyTransactionRecordsNoWrite() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		connection.prepareStatement("UPDATE t SET n = 1").executeUpdate();
		connection.rollback();
		connection.commit();
		connection.setAutoCommit(true);
		connection.close();
		assertThat(history()).isNull();
	}

	@Test
	void autoCommitStatementsAreRecordedWhenTheConnectionIsClosed() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.prepareStatement("UPDATE t SET n = 1").executeUpdate();
		assertThat(history()).isNull();
		connection.close();
		assertThat(history().token().isUnplaced()).isTrue();
		assertThat(this.calls).endsWith("close[]");
	}

	@Test
	void statementsRunOnTheUnwrappedConnectionCountAsWrites() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		Connection pooled = ((ConnectionProxy) connection).getTargetConnection();
		pooled.prepareStatement("UPDATE t SET n = 1").executeUpdate();
		connection.commit();
		assertThat(history().token().isUnplaced()).isTrue();
	}

	@Test
	void autoCommitStatementsBeforeAManualTransactionAreRecordedWhenItStarts() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.prepareStatement("UPDATE t SET n = 1").executeUpdate();
		connection.setAutoCommit(false);
		assertThat(history().token().isUnplaced()).isTrue();
		connection.rollback();
		connection.close();
	}

	@Test
	void savepointRollbackBeforeTheFirstStatementOrOnAClosedConnectionDoesNothing() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.rollback(null);
		assertThat(this.pooled).isEmpty();
		connection.prepareStatement("SELECT 1");
		this.closedPooled = true;
		connection.rollback(null);
		assertThat(this.calls).doesNotContain("rollback[null]");
	}

	@Test
	void autoCommitModeIsComparedWithTheConnectionNotTheDefault() throws SQLException {
		this.pooledAutoCommit = false;
		Connection connection = this.dataSource.getConnection();
		connection.prepareStatement("SELECT 1");
		assertThat(this.calls).containsExactly("setAutoCommit[true]", "prepareStatement[SELECT 1]");
	}

	@Test
	void handleRoutedAgainAfterAFailedWriteConnectionDoesNotWatchItsReadConnection() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setSchema("app");
		this.failingSetter = "setSchema";
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.prepareStatement("UPDATE t"));
		assertThat(this.calls).contains("close[]");
		this.failingSetter = null;
		RoutingContextHolder.Frame readOnly = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		try {
			connection.prepareStatement("SELECT 1").executeQuery();
			assertThat(this.pooled).hasSize(2);
			connection.close();
		}
		finally {
			RoutingContextHolder.exit(readOnly);
		}
		assertThat(history()).isNull();
	}

	@Test
	void readOnlyDataSourceOfSpringsProxyIsRefused() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.dataSource.setReadOnlyDataSource(this.dataSource))
			.withMessageContaining("replication.replicas");
	}

	@Test
	void readRunAgainElsewhereTakesTheClientInfoOfEveryName() throws SQLException {
		RoutingContextHolder.Frame readOnly = RoutingContextHolder.enter(RoutingIntent.READ_ONLY);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setClientInfo("ApplicationName", "app");
			connection.setClientInfo("ClientUser", "alice");
			connection.setClientInfo("ApplicationName", "app-2");
			this.failingQueries = 1;
			PreparedStatement statement = connection.prepareStatement("SELECT 1");
			int before = this.calls.size();
			statement.executeQuery();
			assertThat(this.pooled).hasSize(2);
			assertThat(this.calls.subList(before, this.calls.size())).contains("setClientInfo[ApplicationName, app-2]",
					"setClientInfo[ClientUser, alice]");
		}
		finally {
			RoutingContextHolder.exit(readOnly);
		}
	}

	@Test
	void jpaStatementOutsideATransactionIsARead() throws SQLException {
		assertThat(routedWhileJpaWorksOutsideATransaction(this.dataSource, false).primary()).isFalse();
	}

	@Test
	void jpaStatementOnAConnectionInATransactionOfItsOwnGoesToThePrimary() throws SQLException {
		RoutingDecision decision = routedWhileJpaWorksOutsideATransaction(this.dataSource, true);
		assertThat(decision.primary()).isTrue();
		assertThat(decision.reason()).isEqualTo(RoutingDecision.Reason.NOT_READ_ONLY);
	}

	@Test
	void transactionOfItsOwnIsSeenOnAPoolInManualCommitModeToo() throws SQLException {
		this.pooledAutoCommit = false;
		ReplicationDataSource manualCommit = dataSource(false);
		assertThat(routedWhileJpaWorksOutsideATransaction(manualCommit, true).primary()).isTrue();
		assertThat(routedWhileJpaWorksOutsideATransaction(manualCommit, false).primary()).isFalse();
	}

	@Test
	void connectionMarkedReadOnlyBeforeItsFirstStatementIsRoutedAsAReadOnlyTransaction() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setReadOnly(true);
		connection.setAutoCommit(false);
		connection.prepareStatement("SET TRANSACTION READ ONLY");
		assertThat(this.decisions).hasSize(1);
		assertThat(this.decisions.get(0).primary()).isFalse();
		assertThat(this.decisions.get(0).reason()).isEqualTo(RoutingDecision.Reason.READ_ONLY_TRANSACTION);
	}

	private RoutingDecision routedWhileJpaWorksOutsideATransaction(ReplicationDataSource dataSource,
			boolean ownTransaction) throws SQLException {
		Connection connection = dataSource.getConnection();
		if (ownTransaction) {
			connection.setAutoCommit(false);
		}
		assertThat(JpaOutsideTransaction.enter()).isTrue();
		try {
			connection.prepareStatement("INSERT INTO t VALUES (1)");
		}
		finally {
			JpaOutsideTransaction.exit();
		}
		return this.decisions.get(this.decisions.size() - 1);
	}

	private WriteHistory history() {
		return this.scope.current(false);
	}

	private ReplicationDataSource dataSource(boolean defaultAutoCommit) {
		ReplicationRouter router = new ReplicationRouter("primary", Map.of("replica", 1, "replica-2", 1),
				ReplicaLoadBalancer::roundRobin, this.scope, ReadYourWritesPolicy.lsn(Duration.ZERO, false), true);
		router.updateTopology(new ClusterView("primary",
				List.of(new NodeStatus("primary", NodeRole.PRIMARY, true, false, 0, 0, Duration.ZERO, null,
						Instant.now()),
						new NodeStatus("replica", NodeRole.STANDBY, true, true, 0, 0, Duration.ZERO, null,
								Instant.now()),
						new NodeStatus("replica-2", NodeRole.STANDBY, true, true, 0, 0, Duration.ZERO, null,
								Instant.now()))));
		DataSource pool = new SimpleDriverDataSource() {
			@Override
			public Connection getConnection() {
				Connection connection = recording();
				LazyRoutedConnectionTests.this.pooled.add(connection);
				return connection;
			}
		};
		ReplicationRoutingDataSource routing = new ReplicationRoutingDataSource(router,
				Map.of("primary", pool, "replica", pool, "replica-2", pool),
				List.of(this.decisions::add), (node, failure) -> {
				}, (node) -> pool);
		return new ReplicationDataSource(routing, defaultAutoCommit, Connection.TRANSACTION_READ_COMMITTED);
	}

	private Connection recording() {
		boolean[] autoCommit = { this.pooledAutoCommit };
		Object[] statement = new Object[1];
		java.lang.reflect.InvocationHandler handler = (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
					}
					String name = method.getName();
					if (name.equals("executeQuery") && this.failingQueries > 0) {
						this.failingQueries--;
						throw new SQLException("connection lost", "08006");
					}
					if (name.equals(this.failingSetter)) {
						this.calls.add(name + Arrays.toString(args));
						throw new SQLException("refused");
					}
					if (!name.startsWith("execute") && !name.equals("isClosed") && !name.equals("getAutoCommit")) {
						this.calls.add(name + Arrays.toString((args != null) ? args : new Object[0]));
					}
					return switch (name) {
						case "prepareStatement" -> statement[0];
						case "executeUpdate" -> 1;
						case "executeQuery" -> null;
						case "setAutoCommit" -> {
							autoCommit[0] = (Boolean) args[0];
							yield null;
						}
						case "getAutoCommit" -> autoCommit[0];
						case "isClosed" -> this.closedPooled;
						default -> null;
					};
				};
		statement[0] = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { PreparedStatement.class },
				handler);
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				handler);
	}

}
