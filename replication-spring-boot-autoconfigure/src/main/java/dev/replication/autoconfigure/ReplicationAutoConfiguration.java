package dev.replication.autoconfigure;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.aop.RoutingAdvisor;
import dev.replication.context.WriteHistoryScope;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.routing.ReplicationRouter;
import dev.replication.routing.RoutingListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * one {@link DataSource} over a PostgreSQL primary and its replicas: a Hikari pool per node, a
 * routing data source behind a lazy connection proxy, the health monitor that keeps routing
 * away from dead and lagging nodes, and the advisor that applies {@code @ReadOnly} and
 * {@code @Primary}. Runs before Spring Boot's own DataSource auto-configuration, which then
 * backs off; backs off itself when the application defines a DataSource.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class, after = EmbeddedReplicationClusterAutoConfiguration.class)
@ConditionalOnClass({ HikariDataSource.class, AbstractRoutingDataSource.class })
@ConditionalOnBooleanProperty(name = "replication.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(DataSource.class)
@EnableConfigurationProperties(ReplicationProperties.class)
@Import({ ReplicationMigrationConfigurations.Flyway.class, ReplicationMigrationConfigurations.Liquibase.class,
		ReadYourWritesConfigurations.ServletScope.class, ReadYourWritesConfigurations.RequestScope.class,
		ReadYourWritesConfigurations.ThreadScope.class, ReadYourWritesConfigurations.HandOff.class,
		ReadYourWritesConfigurations.ContextPropagation.class })
public final class ReplicationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReplicationConnectionDetails.class)
	PropertiesReplicationConnectionDetails replicationConnectionDetails(ReplicationProperties properties) {
		return new PropertiesReplicationConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ReplicationRouter replicationRouter(ReplicationConnectionDetails connectionDetails,
			ReplicationProperties properties, WriteHistoryScope writeHistoryScope) {
		return new ReplicationSettings(properties).router(connectionDetails, writeHistoryScope);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ReplicationHealthMonitor replicationHealthMonitor(ReplicationConnectionDetails connectionDetails,
			ReplicationProperties properties, ReplicationRouter router, Environment environment) {
		return new ReplicationSettings(properties).healthMonitor(connectionDetails, router,
				new NodePoolFactory(environment, properties.getHealth().getConnectTimeout()));
	}

	@Bean
	ReplicationDataSource dataSource(ReplicationConnectionDetails connectionDetails, ReplicationProperties properties,
			ReplicationRouter router, ReplicationHealthMonitor monitor, ObjectProvider<RoutingListener> listeners,
			ObjectProvider<NodePoolCustomizer> poolCustomizers, Environment environment) {
		return new ReplicationDataSourceFactory(properties,
				new NodePoolFactory(environment, properties.getHealth().getConnectTimeout()),
				poolCustomizers.orderedStream().toList())
			.create(connectionDetails, router, monitor, listeners.orderedStream().toList());
	}

	/**
	 * Registered before Spring Boot's Hikari provider (this configuration runs before Boot's
	 * DataSource auto-configuration), which Boot asks after this one.
	 */
	@Bean
	ReplicationPoolMetadataProvider replicationPoolMetadataProvider() {
		return new ReplicationPoolMetadataProvider();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static RoutingAdvisor replicationRoutingAdvisor() {
		return new RoutingAdvisor();
	}

}
