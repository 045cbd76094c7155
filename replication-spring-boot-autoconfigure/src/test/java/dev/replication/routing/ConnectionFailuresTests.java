package dev.replication.routing;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConnectionFailures}.
 */
class ConnectionFailuresTests {

	@Test
	void connectionStatesAndShutdownsMeanTheNodeIsGone() {
		assertThat(ConnectionFailures.isConnectionFailure(new SQLException("refused", "08001"))).isTrue();
		assertThat(ConnectionFailures.isConnectionFailure(new SQLException("I/O error", "08006"))).isTrue();
		assertThat(ConnectionFailures.isConnectionFailure(new SQLException("immediate shutdown", "57P01"))).isTrue();
		assertThat(ConnectionFailures.isConnectionFailure(new SQLException("starting up", "57P03"))).isTrue();
	}

	@Test
	void poolTimeoutCountsOnlyWithAConnectionFailureAsItsCause() {
		assertThat(ConnectionFailures.isConnectionFailure(
				new SQLTransientConnectionException("Connection is not available, request timed out after 1000ms")))
			.isFalse();
		assertThat(ConnectionFailures.isConnectionFailure(new SQLTransientConnectionException("timed out", null,
				new SQLException("Connection to 127.0.0.1:5433 refused", "08001", new ConnectException()))))
			.isTrue();
	}

	@Test
	void statementErrorsSayNothingAboutTheNode() {
		assertThat(ConnectionFailures.isConnectionFailure(new SQLException("read-only transaction", "25006"))).isFalse();
		assertThat(ConnectionFailures.isConnectionFailure(new SQLException("syntax", "42601"))).isFalse();
		assertThat(ConnectionFailures.isConnectionFailure(new IllegalStateException())).isFalse();
	}

	@Test
	void slowStatementIsNoNodeFailureAndIsNotRunAgain() {
		SQLException slow = new SQLException("An I/O error occurred while sending to the backend.", "08006",
				new java.net.SocketTimeoutException("Read timed out"));
		assertThat(ConnectionFailures.isNodeFailure(slow)).isFalse();
		assertThat(ConnectionFailures.isRerunnable(slow)).isFalse();
		SQLException connectTimeout = new SQLException("The connection attempt failed.", "08001",
				new java.net.SocketTimeoutException("Connect timed out"));
		assertThat(ConnectionFailures.isNodeFailure(connectTimeout)).isTrue();
	}

	@Test
	void terminatedBackendIsRunAgainButIsNoNodeFailure() {
		SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
		assertThat(ConnectionFailures.isRerunnable(terminated)).isTrue();
		assertThat(ConnectionFailures.isNodeFailure(terminated)).isFalse();
	}

}
