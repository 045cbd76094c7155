package dev.replication.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The {@link Interleaved} comparisons of the {@link Setups}: over connections that cost nothing,
 * and end to end on an embedded primary and two replicas over loopback.
 */
final class Comparisons {

	private static final List<String> SETUPS = List.of(Setups.PLAIN_HIKARI, Setups.LAZY_PROXY, Setups.STARTER);

	private Comparisons() {
	}

	/**
	 * Compare the setups over {@link NoopNodes}, and return the table.
	 */
	static String layer() {
		return compare("Routing layer over connections that cost nothing, interleaved: median per call, "
				+ "ratio median (quartiles) of 30 rounds", new NoopNodes(), 20_000, 10, 30);
	}

	/**
	 * Compare the setups on an embedded cluster, and return the table.
	 */
	static String endToEnd() {
		try (EmbeddedReplicationCluster cluster = EmbeddedReplicationCluster.builder().replicas(2).start()) {
			try (Connection connection = cluster.primary().dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE bench_counter (id int PRIMARY KEY, n bigint NOT NULL)");
				statement.execute("INSERT INTO bench_counter VALUES (1, 0)");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			cluster.awaitReplication();
			return compare("End to end on the embedded cluster (loopback), interleaved: median per call, "
					+ "ratio median (quartiles) of 20 rounds", new ClusterNodes(cluster), 300, 5, 20);
		}
	}

	private static String compare(String title, Setups.Nodes nodes, int batch, int warmups, int rounds) {
		List<AnnotationConfigApplicationContext> contexts = new ArrayList<>();
		try {
			Map<String, QueryService> services = new LinkedHashMap<>();
			for (String setup : SETUPS) {
				AnnotationConfigApplicationContext context = Setups.start(setup, nodes);
				contexts.add(context);
				services.put(setup, context.getBean(QueryService.class));
			}
			return Interleaved.table(title, new Interleaved(services, batch).run(warmups, rounds), Setups.STARTER);
		}
		finally {
			contexts.forEach(AnnotationConfigApplicationContext::close);
		}
	}

	/**
	 * Pools of the nodes of an embedded cluster.
	 */
	private record ClusterNodes(EmbeddedReplicationCluster cluster) implements Setups.Nodes {

		@Override
		public HikariDataSource pool(String name) {
			ClusterNode node = this.cluster.node(name);
			HikariDataSource pool = new HikariDataSource();
			pool.setJdbcUrl(node.jdbcUrl());
			pool.setUsername(node.username());
			pool.setPoolName(name);
			pool.setMaximumPoolSize(4);
			return pool;
		}

		@Override
		public String primary() {
			return this.cluster.primary().name();
		}

		@Override
		public List<String> replicas() {
			return this.cluster.replicas().stream().map(ClusterNode::name).toList();
		}

	}

}
