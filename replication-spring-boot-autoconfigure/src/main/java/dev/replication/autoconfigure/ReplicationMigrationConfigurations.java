package dev.replication.autoconfigure;

import javax.sql.DataSource;

import dev.replication.routing.ReplicationDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands Flyway and Liquibase the primary's pool: a schema migration must never run against a
 * replica, whatever the routing rules would say. The beans are not default candidates, so the
 * application's DataSource injection points still get the routing DataSource.
 */
final class ReplicationMigrationConfigurations {

	private ReplicationMigrationConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.flywaydb.core.Flyway",
			"org.springframework.boot.flyway.autoconfigure.FlywayDataSource" })
	@ConditionalOnMissingBean(annotation = FlywayDataSource.class)
	static class Flyway {

		@Bean(defaultCandidate = false, destroyMethod = "")
		@FlywayDataSource
		DataSource replicationFlywayDataSource(ReplicationDataSource dataSource) {
			return dataSource.getRoutingDataSource().getPrimaryDataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "liquibase.integration.spring.SpringLiquibase",
			"org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource" })
	@ConditionalOnMissingBean(annotation = LiquibaseDataSource.class)
	static class Liquibase {

		@Bean(defaultCandidate = false, destroyMethod = "")
		@LiquibaseDataSource
		DataSource replicationLiquibaseDataSource(ReplicationDataSource dataSource) {
			return dataSource.getRoutingDataSource().getPrimaryDataSource();
		}

	}

}
