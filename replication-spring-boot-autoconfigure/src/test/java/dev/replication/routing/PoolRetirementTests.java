package dev.replication.routing;

import java.sql.Connection;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.SharedReplicationCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PoolRetirement}, on pools of the shared embedded primary.
 */
@Timeout(60)
class PoolRetirementTests {

	@Test
	void closingClosesEveryPoolStillWaitingForItsConnections() throws Exception {
		ClusterNode primary = SharedReplicationCluster.get().primary();
		HikariDataSource first = pool(primary);
		HikariDataSource second = pool(primary);
		try (Connection inUse = first.getConnection(); Connection alsoInUse = second.getConnection()) {
			PoolRetirement retirement = new PoolRetirement();
			retirement.retire("primary", first);
			retirement.retire("primary", second);
			retirement.close();
			assertThat(first.isClosed()).isTrue();
			assertThat(second.isClosed()).isTrue();
		}
	}

	private static HikariDataSource pool(ClusterNode node) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(node.jdbcUrl());
		pool.setUsername(node.username());
		pool.setMaximumPoolSize(1);
		return pool;
	}

}
