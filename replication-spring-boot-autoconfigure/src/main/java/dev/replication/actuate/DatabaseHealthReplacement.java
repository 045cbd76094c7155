package dev.replication.actuate;

import java.util.Map;

import javax.sql.DataSource;

import dev.replication.routing.ReplicationDataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.registry.HealthContributorRegistry;

/**
 * Takes Spring Boot's {@code db} health contributor out of the health registry when the only
 * DataSource it covers is a {@link ReplicationDataSource}: Boot's contributor copies the routing
 * data source's pools once at start-up, so it keeps probing a pool the starter has replaced (DOWN
 * for good after a node came back), reports DOWN when one replica dies, and opens a connection
 * per node on every health request. The {@code replication} indicator reports the same nodes from
 * the health monitor's view instead. A {@code db} contributor the application defined itself is
 * left alone.
 */
public final class DatabaseHealthReplacement implements SmartInitializingSingleton {

	private static final String BOOT_JDBC_PACKAGE = "org.springframework.boot.jdbc.";

	private final ObjectProvider<HealthContributorRegistry> registry;

	private final ListableBeanFactory beanFactory;

	/**
	 * Create a replacement that looks in the registry of {@code registry}, if there is one, once
	 * every singleton of {@code beanFactory} is created.
	 */
	public DatabaseHealthReplacement(ObjectProvider<HealthContributorRegistry> registry, ListableBeanFactory beanFactory) {
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
		if (db == null || !db.getClass().getName().startsWith(BOOT_JDBC_PACKAGE)) {
			return;
		}
		Map<String, DataSource> dataSources = this.beanFactory.getBeansOfType(DataSource.class, false, false);
		if (!dataSources.isEmpty() && dataSources.values().stream().allMatch(ReplicationDataSource.class::isInstance)) {
			registry.unregisterContributor("db");
		}
	}

}
