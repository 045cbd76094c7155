package dev.replication.routing;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.context.ThreadWriteHistoryScope;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.SharedReplicationCluster;
import dev.replication.testapp.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplicationRoutingDataSource}'s pool replacement, on pools of the shared
 * embedded primary.
 */
@Timeout(60)
class ReplicationRoutingDataSourceTests {

	private final AtomicInteger poolsCreated = new AtomicInteger();

	@Test
	void poolThatNeverConnectedIsNotReplacedSoAFlappingNodePilesNoPoolsUp() throws Exception {
		ReplicationRoutingDataSource routing = routing(pool());
		DataSource before = routing.getNode("primary");
		for (int i = 0; i < 5; i++) {
			routing.replacePool("primary");
		}
		assertThat(routing.getNode("primary")).isSameAs(before);
		assertThat(this.poolsCreated).hasValue(0);
		routing.close();
	}

	@Test
	void usedPoolIsReplacedAndClosedOnceItsConnectionIsBack() throws Exception {
		HikariDataSource used = pool();
		ReplicationRoutingDataSource routing = routing(used);
		try (Connection inUse = used.getConnection()) {
			routing.replacePool("primary");
			assertThat(routing.getNode("primary")).isNotSameAs(used);
			assertThat(used.isClosed()).as("closed while its connection is in use").isFalse();
		}
		Waiting.until("the replaced pool closed", Duration.ofSeconds(5), used::isClosed);
		routing.close();
		assertThat(((HikariDataSource) routing.getNode("primary")).isClosed()).isTrue();
	}

	private ReplicationRoutingDataSource routing(HikariDataSource primary) {
		Map<String, DataSource> nodes = new LinkedHashMap<>();
		nodes.put("primary", primary);
		ReplicationRouter router = new ReplicationRouter("primary", Map.of(), ReplicaLoadBalancer::roundRobin,
				new ThreadWriteHistoryScope(), Duration.ofSeconds(2), true);
		return new ReplicationRoutingDataSource(router, nodes, List.of(), (node, failure) -> {
		}, (node) -> {
			this.poolsCreated.incrementAndGet();
			return pool();
		});
	}

	private static HikariDataSource pool() {
		ClusterNode primary = SharedReplicationCluster.get().primary();
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(primary.jdbcUrl());
		pool.setUsername(primary.username());
		pool.setMaximumPoolSize(1);
		return pool;
	}

}
