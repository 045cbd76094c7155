package dev.replication.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.metrics.NodePoolMetricsTrackerFactory;
import dev.replication.metrics.ReplicationMetrics;
import dev.replication.metrics.RoutingMetrics;
import dev.replication.routing.ReplicationDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplicationMetricsAutoConfiguration}: meters per node, every pool reporting
 * through the starter's tracker, and backing off without Micrometer. Pools are lazy and the nodes
 * do not exist, so no database is needed.
 */
class ReplicationMetricsAutoConfigurationTests {

	private static final String[] CLUSTER = { "replication.primary.url=jdbc:postgresql://db-primary:5432/app",
			"replication.primary.username=app", "replication.replicas[0].url=jdbc:postgresql://db-replica-1:5432/app",
			"replication.replicas[1].url=jdbc:postgresql://db-replica-2:5432/app" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReplicationAutoConfiguration.class, DataSourceAutoConfiguration.class,
				ReplicationMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				DataSourcePoolMetricsAutoConfiguration.class))
		.withPropertyValues(CLUSTER);

	@Test
	void metersPerNodeAndEveryPoolReportsThroughTheStartersTracker() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ReplicationMetrics.class).hasSingleBean(RoutingMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (String node : new String[] { "primary", "replica-1", "replica-2" }) {
				assertThat(registry.find("replication.node.up").tag("node", node).gauge()).as(node).isNotNull();
				assertThat(registry.find("replication.replica.lag.bytes").tag("node", node).gauge()).isNotNull();
				assertThat(registry.find("replication.replica.lag").tag("node", node).timeGauge()).isNotNull();
				assertThat(pool(context.getBean(ReplicationDataSource.class), node).getMetricsTrackerFactory())
					.isInstanceOf(NodePoolMetricsTrackerFactory.class);
			}
			assertThat(registry.get("replication.failover").functionCounter().count()).isZero();
			assertThat(registry.find("replication.ryw.wait").functionTimer()).isNotNull();
			assertThat(registry.find("replication.ryw.position.queries").functionCounter()).isNotNull();
			assertThat(registry.get("jdbc.connections.max").tag("name", "dataSource").gauge().value())
				.as("Boot's pool metadata metrics, of the pool serving the primary")
				.isEqualTo(10);
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ReplicationMetrics.class);
			assertThat(pool(context.getBean(ReplicationDataSource.class), "primary").getMetricsTrackerFactory())
				.isNull();
		});
	}

	private static HikariDataSource pool(ReplicationDataSource dataSource, String node) {
		return (HikariDataSource) dataSource.getRoutingDataSource().getNodes().get(node);
	}

}
