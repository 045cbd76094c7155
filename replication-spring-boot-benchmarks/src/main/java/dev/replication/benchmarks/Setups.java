package dev.replication.benchmarks;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.aop.RoutingAdvisor;
import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import dev.replication.context.ThreadWriteHistoryScope;
import dev.replication.routing.ReadYourWritesPolicy;
import dev.replication.routing.ReplicaLoadBalancer;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.routing.ReplicationRouter;
import dev.replication.routing.ReplicationRoutingDataSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The setups compared over the same nodes: the starter's DataSource, a plain Hikari pool of the
 * primary, and Spring's {@link LazyConnectionDataSourceProxy} sending read-only transactions to
 * one replica's pool. Each is a small application context with Spring's transaction advice over
 * a {@link QueryService}; the starter's adds its routing advisor.
 */
final class Setups {

	static final String PLAIN_HIKARI = "plain-hikari";

	static final String LAZY_PROXY = "lazy-proxy";

	static final String STARTER = "starter";

	private Setups() {
	}

	/**
	 * Start the context of {@code setup} over nodes whose URLs {@code nodes} gives, the primary
	 * first, as the starter would build it with its defaults in an application without Spring Web
	 * (round-robin, lsn read-your-writes kept per outermost routed call).
	 */
	static AnnotationConfigApplicationContext start(String setup, Nodes nodes) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(Nodes.class, () -> nodes);
		context.register(switch (setup) {
			case PLAIN_HIKARI -> PlainHikari.class;
			case LAZY_PROXY -> LazyProxy.class;
			case STARTER -> Starter.class;
			default -> throw new IllegalArgumentException("Unknown setup [" + setup + "]");
		});
		context.refresh();
		return context;
	}

	/**
	 * The nodes: a pool factory and the names, the primary first.
	 */
	interface Nodes {

		HikariDataSource pool(String name);

		String primary();

		List<String> replicas();

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class Common {

		@Bean
		DataSourceTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		QueryService queryService(DataSource dataSource) {
			return new QueryService(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainHikari extends Common {

		@Bean
		HikariDataSource dataSource(Nodes nodes) {
			return nodes.pool(nodes.primary());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LazyProxy extends Common {

		private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();

		@Bean(destroyMethod = "")
		LazyConnectionDataSourceProxy dataSource(Nodes nodes) {
			HikariDataSource primary = nodes.pool(nodes.primary());
			HikariDataSource replica = nodes.pool(nodes.replicas().get(0));
			this.pools.put(nodes.primary(), primary);
			this.pools.put(nodes.replicas().get(0), replica);
			LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
			proxy.setReadOnlyDataSource(replica);
			proxy.setDefaultAutoCommit(true);
			proxy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			return proxy;
		}

		@Bean
		AutoCloseable poolCloser() {
			return () -> this.pools.values().forEach(HikariDataSource::close);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Starter extends Common {

		/**
		 * The starter's DataSource as {@code ReplicationDataSourceFactory} assembles it, without
		 * the health monitor: the router is handed the view the monitor would have of healthy
		 * nodes, with no lag.
		 */
		@Bean
		ReplicationDataSource dataSource(Nodes nodes) {
			Map<String, Integer> weights = new LinkedHashMap<>();
			nodes.replicas().forEach((replica) -> weights.put(replica, 1));
			ReplicationRouter router = new ReplicationRouter(nodes.primary(), weights, ReplicaLoadBalancer::roundRobin,
					new ThreadWriteHistoryScope(), ReadYourWritesPolicy.lsn(Duration.ZERO, false), true,
					Duration.ofSeconds(5));
			router.updateTopology(checkedView(nodes));
			Map<String, DataSource> pools = new LinkedHashMap<>();
			pools.put(nodes.primary(), nodes.pool(nodes.primary()));
			nodes.replicas().forEach((replica) -> pools.put(replica, nodes.pool(replica)));
			ReplicationRoutingDataSource routing = new ReplicationRoutingDataSource(router, pools, List.of(),
					(node, failure) -> {
					}, nodes::pool);
			return new ReplicationDataSource(routing, true, Connection.TRANSACTION_READ_COMMITTED);
		}

		/**
		 * Return the view the health monitor has after its first check of healthy nodes: until
		 * then no replica serves reads, since none of their lags is known.
		 */
		private static ClusterView checkedView(Nodes nodes) {
			List<NodeStatus> statuses = new ArrayList<>();
			statuses.add(new NodeStatus(nodes.primary(), NodeRole.PRIMARY, true, false, 0, 0, Duration.ZERO, null,
					Instant.now()));
			nodes.replicas()
				.forEach((replica) -> statuses.add(new NodeStatus(replica, NodeRole.STANDBY, true, true, 0, 0,
						Duration.ZERO, null, Instant.now())));
			return new ClusterView(nodes.primary(), statuses);
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static RoutingAdvisor routingAdvisor() {
			return new RoutingAdvisor();
		}

	}

}
