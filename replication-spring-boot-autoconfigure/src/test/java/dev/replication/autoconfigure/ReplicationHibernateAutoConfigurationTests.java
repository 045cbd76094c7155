package dev.replication.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import dev.replication.jpa.JpaOutsideTransactionListener;
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
			assertThat(properties).containsEntry("hibernate.session.events.auto",
					JpaOutsideTransactionListener.class.getName());
		});
	}

	@Test
	void connectionsAreNotMarkedWhenHibernateHoldsThem() {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = new HashMap<>();
			properties.put("hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_HOLD");
			context.getBean(ReplicationHibernatePropertiesCustomizer.class).customize(properties);
			assertThat(properties).containsEntry("hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_HOLD")
				.doesNotContainKey("hibernate.session.events.auto");
		});
	}

	@Test
	void connectionsAreMarkedWhenTheApplicationReleasesThemItself() {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = new HashMap<>();
			properties.put("hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_RELEASE_AFTER_STATEMENT");
			context.getBean(ReplicationHibernatePropertiesCustomizer.class).customize(properties);
			assertThat(properties).containsEntry("hibernate.session.events.auto",
					JpaOutsideTransactionListener.class.getName());
		});
	}

	@Test
	void settingsTheApplicationMadeAreLeftAlone() {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = new HashMap<>();
			properties.put("hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION");
			properties.put("hibernate.session.events.auto", "com.example.Listener");
			context.getBean(ReplicationHibernatePropertiesCustomizer.class).customize(properties);
			assertThat(properties)
				.containsEntry("hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION")
				.containsEntry("hibernate.session.events.auto", "com.example.Listener");
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
