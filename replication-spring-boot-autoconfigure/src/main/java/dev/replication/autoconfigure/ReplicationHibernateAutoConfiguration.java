package dev.replication.autoconfigure;

import dev.replication.jpa.ReplicationHibernatePropertiesCustomizer;
import dev.replication.routing.ReplicationDataSource;
import org.hibernate.SessionEventListener;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that
 * makes Hibernate safe with open-in-view (Spring Boot's default) over a
 * {@link ReplicationDataSource}: each transaction of a request is routed on its own, and what JPA
 * reads outside a transaction may go to a replica.
 */
@AutoConfiguration(after = ReplicationAutoConfiguration.class, before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ HibernatePropertiesCustomizer.class, SessionEventListener.class })
@ConditionalOnBean(ReplicationDataSource.class)
public final class ReplicationHibernateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReplicationHibernatePropertiesCustomizer replicationHibernatePropertiesCustomizer() {
		return new ReplicationHibernatePropertiesCustomizer();
	}

}
