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
	 * Create the pool of {@code node}, applying the settings under {@code nodePrefix} last. Every
	 * pool waits at most the connect timeout for a connection by default, whatever its node's
	 * role: a dead node costs the call that meets it no more than that, and a replica promoted to
	 * primary (or a primary turned standby) keeps the same bound. A busy primary is asked again by
	 * the routing data source, up to {@code replication.failover.max-wait}.
	 */
	HikariDataSource create(ReplicationConnectionDetails.Node node, String nodePrefix) {
		HikariDataSource dataSource = new HikariDataSource();
		// The application starts whichever nodes are down; pools connect on first use.
		dataSource.setInitializationFailTimeout(-1);
		dataSource.addDataSourceProperty("connectTimeout", String.valueOf(seconds(this.connectTimeout)));
		dataSource.setConnectionTimeout(Math.max(250, this.connectTimeout.toMillis()));
		// Hikari checks an idle connection before handing it out: a hung node must not make that
		// wait longer than the pool's own bound.
		dataSource.setValidationTimeout(Math.max(250, this.connectTimeout.toMillis() * 3 / 4));
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
