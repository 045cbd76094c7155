package dev.replication.health;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CheckFailures}.
 */
class CheckFailuresTests {

	@Test
	void unreachableOrStoppingNodeIsDown() {
		assertThat(CheckFailures.saysNodeIsDown(new SQLException("refused", "08001", new ConnectException()))).isTrue();
		assertThat(CheckFailures.saysNodeIsDown(new SQLException("I/O error", "08006"))).isTrue();
		assertThat(CheckFailures.saysNodeIsDown(new SQLException("shutting down", "57P01"))).isTrue();
		assertThat(CheckFailures.saysNodeIsDown(new SQLException("starting up", "57P03"))).isTrue();
	}

	@Test
	void checksOwnTroubleSaysNothingAboutTheNode() {
		assertThat(CheckFailures.saysNodeIsDown(new SQLException("too many connections for role", "53300"))).isFalse();
		assertThat(CheckFailures.saysNodeIsDown(new SQLException("password authentication failed", "28P01")))
			.isFalse();
		assertThat(CheckFailures.saysNodeIsDown(
				new SQLException("I/O error", "08006", new SocketTimeoutException("Read timed out"))))
			.isFalse();
		assertThat(CheckFailures.saysNodeIsDown(new IllegalStateException())).isFalse();
	}

}
