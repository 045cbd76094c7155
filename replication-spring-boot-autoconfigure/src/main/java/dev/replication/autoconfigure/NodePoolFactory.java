package dev.replication.autoconfigure;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Creates the Hikari pool of one node: its URL and credentials, then {@code replication.hikari.*},
 * then the node's own {@code hikari.*}, each layer overriding the one before.
 */
final class NodePoolFactory {

	private final Binder binder;

	private final Duration connectTimeout;

	NodePoolFactory(Environment environment, Duration connectTimeout) {
		this.binder = Binder.get(environment);
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Create the pool of {@code node}, applying the settings under {@code nodePrefix} last. Pools
	 * have no role: after a failover, a replica's pool takes the writes.
	 */
	HikariDataSource create(ReplicationConnectionDetails.Node node, String nodePrefix, boolean primary) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName(node.name());
		dataSource.setJdbcUrl(node.jdbcUrl());
		dataSource.setUsername(node.username());
		dataSource.setPassword(node.password());
		if (primary) {
			// Make Connection.setReadOnly(true) effective in auto-commit mode too, so that a write
			// under @ReadOnly is refused even when the read is kept on the primary. Replicas refuse
			// writes anyway: their reads are spared the round trip this costs.
			dataSource.addDataSourceProperty("readOnlyMode", "always");
		}
		// A dead node must cost the first request at most the connect timeout, not Hikari's 30 s;
		// and the application must start whichever nodes are down.
		dataSource.setConnectionTimeout(Math.max(250, this.connectTimeout.toMillis()));
		dataSource.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, (this.connectTimeout.toMillis() + 999) / 1000)));
		dataSource.setInitializationFailTimeout(-1);
		this.binder.bind("replication.hikari", Bindable.ofInstance(dataSource));
		if (nodePrefix != null) {
			this.binder.bind(nodePrefix, Bindable.ofInstance(dataSource));
		}
		return dataSource;
	}

}
