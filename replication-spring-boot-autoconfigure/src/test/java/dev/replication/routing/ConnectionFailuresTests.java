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

}
