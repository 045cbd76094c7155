package dev.replication.actuate;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.replication.routing.ReplicationDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.registry.HealthContributorRegistry;

/**
 * Takes Spring Boot's {@code db} health contributor out of the health registry when every
 * DataSource it covers is the {@link ReplicationDataSource} or one of its node pools (as the
 * migrations' DataSources are): Boot's contributor copies the routing data source's pools once at
 * start-up, so it keeps probing a pool the starter has replaced (DOWN for good after a node came
 * back), reports DOWN when one replica dies, and opens a connection per node on every health
 * request. The {@code replication} indicator reports the same nodes from the health monitor's view
 * instead. A {@code db} contributor the application defined itself is left alone.
 */
public final class DatabaseHealthReplacement implements SmartInitializingSingleton {

	private static final String BOOT_BEAN = "dbHealthContributor";

	private static final String BOOT_CONFIGURATION = "org.springframework.boot.jdbc.autoconfigure.health."
			+ "DataSourceHealthContributorAutoConfiguration";

	private final ObjectProvider<HealthContributorRegistry> registry;

	private final ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create a replacement that looks in the registry of {@code registry}, if there is one, once
	 * every singleton of {@code beanFactory} is created.
	 */
	public DatabaseHealthReplacement(ObjectProvider<HealthContributorRegistry> registry,
			ConfigurableListableBeanFactory beanFactory) {
		this.registry = registry;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		HealthContributorRegistry registry = this.registry.getIfAvailable();
		if (registry == null) {
			return;
		}
		HealthContributor db = registry.getContributor("db");
		if (db == null || !isBoots(db)) {
			return;
		}
		Map<String, DataSource> dataSources = this.beanFactory.getBeansOfType(DataSource.class, false, false);
		Set<DataSource> ours = new HashSet<>();
		for (DataSource dataSource : dataSources.values()) {
			if (dataSource instanceof ReplicationDataSource replication) {
				ours.add(replication);
				// The migrations' DataSources are the configured primary's pool: a node like any other.
				ours.addAll(replication.getRoutingDataSource().getNodes().values());
			}
		}
		if (!dataSources.isEmpty() && ours.containsAll(dataSources.values())) {
			registry.unregisterContributor("db");
		}
	}

	private boolean isBoots(HealthContributor db) {
		if (!this.beanFactory.containsBeanDefinition(BOOT_BEAN) || this.beanFactory.getBean(BOOT_BEAN) != db) {
			return false;
		}
		String factory = this.beanFactory.getBeanDefinition(BOOT_BEAN).getFactoryBeanName();
		return factory != null && factory.equals(BOOT_CONFIGURATION);
	}

}
