package dev.replication.autoconfigure;

import dev.replication.data.RepositoryFactoryRoutingCustomizer;
import dev.replication.routing.ReplicationDataSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that
 * routes the query methods of Spring Data repositories (JPA, JDBC, any store) by what they do:
 * those that only read to a replica, those that write to the primary, as
 * {@code replication.repositories.read-only-queries} (default true) allows.
 */
@AutoConfiguration(after = ReplicationAutoConfiguration.class)
@ConditionalOnClass(RepositoryFactoryBeanSupport.class)
@ConditionalOnBean(ReplicationDataSource.class)
@ConditionalOnBooleanProperty(name = "replication.repositories.read-only-queries", matchIfMissing = true)
public final class ReplicationRepositoriesAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static RepositoryFactoryRoutingCustomizer replicationRepositoryFactoryRoutingCustomizer() {
		return new RepositoryFactoryRoutingCustomizer();
	}

}
