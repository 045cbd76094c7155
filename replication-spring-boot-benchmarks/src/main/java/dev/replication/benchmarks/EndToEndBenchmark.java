package dev.replication.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The same calls as {@link RoutingLayerBenchmark}, on a real embedded primary and two replicas
 * over loopback: the starter against Spring's lazy proxy sending read-only transactions to one
 * replica's pool. Each fork starts its own cluster.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EndToEndBenchmark {

	@Param({ Setups.LAZY_PROXY, Setups.STARTER })
	public String setup;

	private EmbeddedReplicationCluster cluster;

	private AnnotationConfigApplicationContext context;

	private QueryService service;

	@Setup
	public void start() throws SQLException {
		this.cluster = EmbeddedReplicationCluster.builder().replicas(2).start();
		try (Connection connection = this.cluster.primary().dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bench_counter (id int PRIMARY KEY, n bigint NOT NULL)");
			statement.execute("INSERT INTO bench_counter VALUES (1, 0)");
		}
		this.cluster.awaitReplication();
		this.context = Setups.start(this.setup, new ClusterNodes(this.cluster));
		this.service = this.context.getBean(QueryService.class);
	}

	@TearDown
	public void stop() {
		try {
			this.context.close();
		}
		finally {
			this.cluster.close();
		}
	}

	@Benchmark
	public long readOnlyTransaction() {
		return this.service.readInReadOnlyTransaction();
	}

	@Benchmark
	public long readWriteTransaction() {
		return this.service.writeInTransaction();
	}

	@Benchmark
	public long readOnlyOutsideTransaction() {
		return this.service.readOutsideTransaction();
	}

	/**
	 * Pools of the nodes of an embedded cluster.
	 */
	record ClusterNodes(EmbeddedReplicationCluster cluster) implements Setups.Nodes {

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
