package dev.replication.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import dev.replication.jpa.ReplicationConnectionProvider;
import dev.replication.jpa.ReplicationHibernatePropertiesCustomizer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplicationHibernateAutoConfiguration}. Pools are lazy, so no database is needed.
 */
class ReplicationHibernateAutoConfigurationTests {

	private static final String[] CLUSTER = { "replication.primary.url=jdbc:postgresql://db-primary:5432/app",
			"replication.replicas[0].url=jdbc:postgresql://db-replica-1:5432/app" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReplicationAutoConfiguration.class,
				ReplicationHibernateAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues(CLUSTER);

	@Test
	void hibernateReleasesItsConnectionAfterEachTransactionAndMarksReadsOutsideOne() {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = new HashMap<>();
			context.getBean(ReplicationHibernatePropertiesCustomizer.class).customize(properties);
			assertThat(properties).containsEntry("hibernate.connection.handling_mode",
					"DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION");
			assertThat(properties.get("hibernate.connection.provider_class"))
				.isInstanceOf(ReplicationConnectionProvider.class);
		});
	}

	@Test
	void settingsTheApplicationMadeAreLeftAlone() {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = new HashMap<>();
			properties.put("hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_HOLD");
			properties.put("hibernate.connection.provider_class", "com.example.Provider");
			context.getBean(ReplicationHibernatePropertiesCustomizer.class).customize(properties);
			assertThat(properties).containsEntry("hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_HOLD")
				.containsEntry("hibernate.connection.provider_class", "com.example.Provider");
		});
	}

	@Test
	void backsOffWithoutHibernate() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.hibernate"))
			.run((context) -> assertThat(context).doesNotHaveBean(ReplicationHibernatePropertiesCustomizer.class));
	}

	@Test
	void backsOffWithoutTheRoutingDataSource() {
		this.contextRunner.withPropertyValues("replication.enabled=false", "spring.datasource.url=jdbc:postgresql://db/app")
			.run((context) -> assertThat(context).doesNotHaveBean(ReplicationHibernatePropertiesCustomizer.class));
	}

}
