package dev.replication.autoconfigure;

import java.util.Map;

import dev.replication.actuate.ReplicationEndpoint;
import dev.replication.actuate.RoutingCounts;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.routing.ReplicationDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReplicationEndpointAutoConfiguration}: the endpoint exists where it is exposed,
 * refuses bad maintenance requests, and backs off without the actuator. Pools are lazy and the
 * nodes do not exist, so no database is needed.
 */
class ReplicationEndpointAutoConfigurationTests {

	private static final String[] CLUSTER = { "replication.primary.url=jdbc:postgresql://db-primary:5432/app",
			"replication.primary.username=app", "replication.primary.password=s3cr3t-pw",
			"replication.replicas[0].url=jdbc:postgresql://db-replica-1:5432/app",
			"replication.replicas[1].url=jdbc:postgresql://db-replica-2:5432/app" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReplicationAutoConfiguration.class, DataSourceAutoConfiguration.class,
				ReplicationEndpointAutoConfiguration.class))
		.withPropertyValues(CLUSTER);

	@Test
	void endpointExistsOnlyWhereExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ReplicationEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=replication")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReplicationEndpoint.class);
				assertThat(context).hasSingleBean(RoutingCounts.class);
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void endpointShowsEveryNodeAndNoPassword() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=replication")
			.run((context) -> {
				Map<String, Object> replication = context.getBean(ReplicationEndpoint.class).replication();
				assertThat(replication).containsKeys("primary", "nodes", "routing", "readYourWrites", "failovers");
				assertThat(((Map<String, Object>) replication.get("nodes")).keySet()).containsExactly("primary",
						"replica-1", "replica-2");
				assertThat(replication.toString()).doesNotContain("s3cr3t-pw");
			});
	}

	@Test
	void maintenanceHoldsAReplicaOutAndPutsItBack() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=replication")
			.run((context) -> {
				ReplicationEndpoint endpoint = context.getBean(ReplicationEndpoint.class);
				ReplicationHealthMonitor monitor = context.getBean(ReplicationHealthMonitor.class);
				assertThat(endpoint.rotation("replica-1", "out")).containsEntry("state", "held-out");
				assertThat(monitor.getView().heldOut()).containsExactly("replica-1");
				endpoint.rotation("replica-1", "in");
				assertThat(monitor.getView().heldOut()).isEmpty();
			});
	}

	@Test
	void maintenanceRefusesUnknownNodesAndRotations() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=replication")
			.run((context) -> {
				ReplicationEndpoint endpoint = context.getBean(ReplicationEndpoint.class);
				assertThatExceptionOfType(InvalidEndpointRequestException.class)
					.isThrownBy(() -> endpoint.rotation("replica-9", "out"))
					.withMessage("No node named [replica-9]; configured nodes are [primary, replica-1, replica-2]");
				assertThatExceptionOfType(InvalidEndpointRequestException.class)
					.isThrownBy(() -> endpoint.rotation("replica-1", "sideways"))
					.withMessageContaining("'in' nor 'out'");
			});
	}

	@Test
	void backsOffWithoutTheActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=replication")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ReplicationDataSource.class);
				assertThat(context).doesNotHaveBean(ReplicationEndpoint.class);
			});
	}

}
