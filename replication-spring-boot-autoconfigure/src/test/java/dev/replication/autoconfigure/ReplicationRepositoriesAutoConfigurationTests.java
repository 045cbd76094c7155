package dev.replication.autoconfigure;

import dev.replication.data.RepositoryFactoryRoutingCustomizer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplicationRepositoriesAutoConfiguration}. Pools are lazy, so no database is needed.
 */
class ReplicationRepositoriesAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReplicationAutoConfiguration.class,
				ReplicationRepositoriesAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues("replication.primary.url=jdbc:postgresql://db-primary:5432/app");

	@Test
	void repositoryQueryMethodsAreRoutedByDefault() {
		this.contextRunner
			.run((context) -> assertThat(context).hasSingleBean(RepositoryFactoryRoutingCustomizer.class));
	}

	@Test
	void propertyTurnsItOff() {
		this.contextRunner.withPropertyValues("replication.repositories.read-only-queries=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RepositoryFactoryRoutingCustomizer.class));
	}

	@Test
	void backsOffWithoutSpringData() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data"))
			.run((context) -> assertThat(context).doesNotHaveBean(RepositoryFactoryRoutingCustomizer.class));
	}

}
