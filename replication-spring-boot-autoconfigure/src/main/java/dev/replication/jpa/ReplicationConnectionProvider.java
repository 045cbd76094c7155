package dev.replication.jpa;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.UnknownUnwrapTypeException;

/**
 * Hibernate {@link ConnectionProvider} over the routing {@link DataSource}, handing out
 * connections that mark the statements Hibernate creates outside a transaction, so that they
 * are routed as reads. The EntityManagerFactory keeps the routing DataSource itself as its
 * DataSource, so {@code JpaTransactionManager} still shares its transaction's connection with
 * JDBC code.
 */
public class ReplicationConnectionProvider implements ConnectionProvider {

	private final DataSource dataSource;

	/**
	 * Create a provider of connections from {@code dataSource}.
	 */
	public ReplicationConnectionProvider(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return JpaStatementConnection.wrap(this.dataSource.getConnection());
	}

	@Override
	public void closeConnection(Connection connection) throws SQLException {
		connection.close();
	}

	@Override
	public boolean supportsAggressiveRelease() {
		return false;
	}

	@Override
	public boolean isUnwrappableAs(Class<?> type) {
		return type.isInstance(this) || type.isInstance(this.dataSource);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> type) {
		if (type.isInstance(this)) {
			return (T) this;
		}
		if (type.isInstance(this.dataSource)) {
			return (T) this.dataSource;
		}
		throw new UnknownUnwrapTypeException(type);
	}

}
