package dev.replication.autoconfigure;

import java.time.Duration;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Creates the Hikari pool of one node: {@code replication.hikari.*}, then the node's URL,
 * credentials and name (which the shared settings must not override), then the node's own
 * {@code hikari.*}, each layer overriding the one before. Pools have no role: after a failover,
 * a replica's pool takes the writes.
 */
final class NodePoolFactory {

	private final Binder binder;

	private final Duration connectTimeout;

	NodePoolFactory(Environment environment, Duration connectTimeout) {
		this.binder = Binder.get(environment);
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Create the pool of {@code node}, applying the settings under {@code nodePrefix} last. A
	 * replica's pool waits at most the connect timeout for a connection by default, so that a dead
	 * replica costs the first read that meets it no more than that.
	 */
	HikariDataSource create(ReplicationConnectionDetails.Node node, String nodePrefix, boolean replica) {
		HikariDataSource dataSource = new HikariDataSource();
		// The application starts whichever nodes are down; pools connect on first use.
		dataSource.setInitializationFailTimeout(-1);
		dataSource.addDataSourceProperty("connectTimeout", String.valueOf(seconds(this.connectTimeout)));
		if (replica) {
			dataSource.setConnectionTimeout(Math.max(250, this.connectTimeout.toMillis()));
		}
		this.binder.bind("replication.hikari", Bindable.ofInstance(dataSource));
		dataSource.setPoolName(node.name());
		dataSource.setJdbcUrl(node.jdbcUrl());
		dataSource.setUsername(node.username());
		dataSource.setPassword(node.password());
		if (nodePrefix != null) {
			this.binder.bind(nodePrefix, Bindable.ofInstance(dataSource));
		}
		return dataSource;
	}

	/**
	 * Return the driver properties a pool connects with, credentials included: for connections
	 * made outside the pool, such as health checks, which must log in the same way.
	 */
	static Properties connectionProperties(HikariDataSource pool) {
		Properties properties = new Properties();
		properties.putAll(pool.getDataSourceProperties());
		if (pool.getUsername() != null) {
			properties.setProperty("user", pool.getUsername());
		}
		if (pool.getPassword() != null) {
			properties.setProperty("password", pool.getPassword());
		}
		return properties;
	}

	private static long seconds(Duration duration) {
		// The driver counts in whole seconds, and 0 would mean no timeout at all.
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

}
