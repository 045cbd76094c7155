package dev.replication.autoconfigure;

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

	NodePoolFactory(Environment environment) {
		this.binder = Binder.get(environment);
	}

	/**
	 * Create the pool of {@code node}, applying the settings under {@code nodePrefix} last.
	 * Connections of a replica pool are read-only from the start.
	 */
	HikariDataSource create(ReplicationConnectionDetails.Node node, String nodePrefix, boolean replica) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName(node.name());
		dataSource.setJdbcUrl(node.jdbcUrl());
		dataSource.setUsername(node.username());
		dataSource.setPassword(node.password());
		// Make Connection.setReadOnly(true) effective in auto-commit mode too, so that a write
		// under @ReadOnly is refused even when the read is kept on the primary.
		dataSource.addDataSourceProperty("readOnlyMode", "always");
		dataSource.setReadOnly(replica);
		this.binder.bind("replication.hikari", Bindable.ofInstance(dataSource));
		if (nodePrefix != null) {
			this.binder.bind(nodePrefix, Bindable.ofInstance(dataSource));
		}
		return dataSource;
	}

}
