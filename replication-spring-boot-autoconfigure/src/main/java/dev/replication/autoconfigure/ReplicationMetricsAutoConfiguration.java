package dev.replication.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.metrics.NodePoolMetricsTrackerFactory;
import dev.replication.metrics.ReplicationMetrics;
import dev.replication.metrics.RoutingMetrics;
import dev.replication.routing.ReplicationRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * starter's Micrometer meters: routing counts, each node's state and lag, failovers,
 * read-your-writes, and the Hikari pool of every node under its node's name, replaced pools
 * included. Spring Boot's own Hikari binder then finds the primary's pool already reporting, and
 * leaves it alone.
 */
@AutoConfiguration(after = ReplicationAutoConfiguration.class,
		beforeName = "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class })
@ConditionalOnBean(ReplicationHealthMonitor.class)
public final class ReplicationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReplicationMetrics replicationMetrics(ReplicationHealthMonitor monitor, ReplicationRouter router) {
		return new ReplicationMetrics(monitor, router.readYourWritesStats());
	}

	@Bean
	@ConditionalOnMissingBean
	RoutingMetrics replicationRoutingMetrics() {
		return new RoutingMetrics();
	}

	@Bean
	NodePoolCustomizer replicationPoolMetrics(ObjectProvider<MeterRegistry> registry) {
		// The registry is looked up when a pool starts, not now: creating the DataSource must not
		// create the registry before its customizers are known.
		NodePoolMetricsTrackerFactory metrics = new NodePoolMetricsTrackerFactory(registry::getIfUnique);
		return (node, pool) -> {
			if (noMetricsConfigured(pool)) {
				pool.setMetricsTrackerFactory(metrics);
			}
		};
	}

	private static boolean noMetricsConfigured(HikariDataSource pool) {
		return pool.getMetricRegistry() == null && pool.getMetricsTrackerFactory() == null;
	}

}
