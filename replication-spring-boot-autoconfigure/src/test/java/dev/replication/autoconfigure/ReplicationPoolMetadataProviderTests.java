package dev.replication.autoconfigure;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import dev.replication.context.ThreadWriteHistoryScope;
import dev.replication.routing.ReplicaLoadBalancer;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.routing.ReplicationRouter;
import dev.replication.routing.ReplicationRoutingDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplicationPoolMetadataProvider}: the metadata follows the pool that serves the
 * primary now, not the one that served it when Spring Boot first asked.
 */
class ReplicationPoolMetadataProviderTests {

	@Test
	void metadataFollowsThePrimaryAfterAFailover() throws Exception {
		ReplicationRouter router = new ReplicationRouter("primary", Map.of("replica-1", 1),
				ReplicaLoadBalancer::roundRobin, new ThreadWriteHistoryScope(), Duration.ZERO, true);
		Map<String, DataSource> pools = new LinkedHashMap<>();
		pools.put("primary", pool("primary", 7));
		pools.put("replica-1", pool("replica-1", 3));
		try (ReplicationDataSource dataSource = new ReplicationDataSource(
				new ReplicationRoutingDataSource(router, pools, List.of(), (node, failure) -> {
				}, (node) -> pool(node, 1)), true, Connection.TRANSACTION_READ_COMMITTED)) {
			DataSourcePoolMetadata metadata = new ReplicationPoolMetadataProvider().getDataSourcePoolMetadata(dataSource);
			assertThat(metadata.getMax()).isEqualTo(7);
			router.updateTopology(new ClusterView("replica-1",
					List.of(new NodeStatus("primary", NodeRole.UNKNOWN, false, false, -1, -1, null, null, null),
							new NodeStatus("replica-1", NodeRole.PRIMARY, true, false, 10, 0, Duration.ZERO, null,
									null))));
			assertThat(metadata.getMax()).isEqualTo(3);
		}
	}

	@Test
	void otherDataSourcesAreLeftToSpringBoot() {
		assertThat(new ReplicationPoolMetadataProvider().getDataSourcePoolMetadata(new SimpleDriverDataSource()))
			.isNull();
	}

	private static HikariDataSource pool(String name, int max) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName(name);
		pool.setJdbcUrl("jdbc:postgresql://localhost:1/none");
		pool.setMaximumPoolSize(max);
		return pool;
	}

}
