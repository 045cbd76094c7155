package dev.replication.autoconfigure;

import dev.replication.actuate.ReplicationHealthIndicator;
import dev.replication.routing.ReplicationDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplicationHealthAutoConfiguration}: the indicator, Boot's {@code db}
 * contributor taken out, the readiness group, and backing off without Spring Boot's health
 * support. Pools are lazy and the nodes do not exist, so no database is needed.
 */
class ReplicationHealthAutoConfigurationTests {

	private static final String[] CLUSTER = { "replication.primary.url=jdbc:postgresql://db-primary:5432/app",
			"replication.primary.username=app", "replication.primary.password=s3cr3t-pw",
			"replication.replicas[0].url=jdbc:postgresql://db-replica-1:5432/app",
			"replication.replicas[1].url=jdbc:postgresql://db-replica-2:5432/app?password=url-s3cr3t" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReplicationAutoConfiguration.class, DataSourceAutoConfiguration.class,
				ReplicationHealthAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, DataSourceHealthContributorAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class))
		.withPropertyValues(CLUSTER);

	@Test
	void replicationIndicatorTakesThePlaceOfBootsDbContributor() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ReplicationHealthIndicator.class);
			assertThat(context).as("Boot made its db contributor").hasBean("dbHealthContributor");
			HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
			assertThat(registry.getContributor("replication")).isInstanceOf(ReplicationHealthIndicator.class);
			assertThat(registry.getContributor("db")).as(String.valueOf(registry.getContributor("db"))).isNull();
		});
	}

	@Test
	void healthDetailsHoldNoPassword() {
		this.contextRunner.run((context) -> {
			String health = String.valueOf(context.getBean(ReplicationHealthIndicator.class).health());
			assertThat(health).contains("replica-1").doesNotContain("s3cr3t-pw").doesNotContain("url-s3cr3t");
		});
	}

	@Test
	void readinessGroupIncludesReplicationAndLivenessDoesNot() {
		this.contextRunner.withPropertyValues("management.endpoint.health.probes.enabled=true").run((context) -> {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("readiness").isMember("replication")).isTrue();
			assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
			assertThat(groups.get("liveness").isMember("replication")).isFalse();
		});
	}

	@Test
	void readinessGroupTheApplicationConfiguresIsLeftAlone() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.group.readiness.include=readinessState")
			.run((context) -> assertThat(
					context.getBean(HealthEndpointGroups.class).get("readiness").isMember("replication"))
				.isFalse());
	}

	@Test
	void readinessGroupTheApplicationConfiguresAsAListIsLeftAlone() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.group.readiness.include[0]=readinessState")
			.run((context) -> assertThat(
					context.getBean(HealthEndpointGroups.class).get("readiness").isMember("replication"))
				.isFalse());
	}

	@Test
	void readinessGroupIsLeftAloneWhenSwitchedOff() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.probes.enabled=true", "replication.health.readiness=false")
			.run((context) -> assertThat(
					context.getBean(HealthEndpointGroups.class).get("readiness").isMember("replication"))
				.isFalse());
	}

	@Test
	void indicatorCanBeDisabledLikeAnyOther() {
		this.contextRunner.withPropertyValues("management.health.replication.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReplicationHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		// Spring Boot's own health auto-configurations cannot even be read without it.
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReplicationAutoConfiguration.class,
					DataSourceAutoConfiguration.class, ReplicationHealthAutoConfiguration.class))
			.withPropertyValues(CLUSTER)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ReplicationDataSource.class);
				assertThat(context).doesNotHaveBean(ReplicationHealthIndicator.class);
			});
	}

}
