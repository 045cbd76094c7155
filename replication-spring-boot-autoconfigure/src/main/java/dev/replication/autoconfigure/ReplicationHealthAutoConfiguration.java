package dev.replication.autoconfigure;

import dev.replication.actuate.DatabaseHealthReplacement;
import dev.replication.actuate.ReadinessGroupPostProcessor;
import dev.replication.actuate.ReplicationHealthIndicator;
import dev.replication.health.ReplicationHealthMonitor;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@code replication} health indicator, which takes the place of Spring Boot's {@code db}
 * contributor for the replication DataSource, and joins the readiness probe group.
 */
@AutoConfiguration(after = ReplicationAutoConfiguration.class,
		afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ReplicationHealthMonitor.class)
public final class ReplicationHealthAutoConfiguration {

	/**
	 * Guarded by a condition of Spring Boot's health module, so it is read only once that module
	 * is known to be there.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("replication")
	static class Indicator {

		@Bean
		@ConditionalOnMissingBean(name = "replicationHealthIndicator")
		ReplicationHealthIndicator replicationHealthIndicator(ReplicationHealthMonitor monitor,
				ReplicationProperties properties) {
			String status = properties.getHealth().getReplicaOutStatus();
			if (!StringUtils.hasText(status)) {
				throw new InvalidReplicationConfigurationException("replication.health.replica-out-status",
						"must not be empty", "Set 'replication.health.replica-out-status' to a status such as UP "
								+ "(the default) or DEGRADED.");
			}
			return new ReplicationHealthIndicator(monitor, new Status(status.trim()));
		}

		@Bean
		@ConditionalOnClass(HealthContributorRegistry.class)
		static DatabaseHealthReplacement replicationDatabaseHealthReplacement(
				ObjectProvider<HealthContributorRegistry> registry, ConfigurableListableBeanFactory beanFactory) {
			return new DatabaseHealthReplacement(registry, beanFactory);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor",
				"org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper" })
		@ConditionalOnBooleanProperty(name = "replication.health.readiness", matchIfMissing = true)
		static class Readiness {

			@Bean
			ReadinessGroupPostProcessor replicationReadinessGroupPostProcessor(Environment environment) {
				return new ReadinessGroupPostProcessor(environment, "replication");
			}

		}

	}

}
