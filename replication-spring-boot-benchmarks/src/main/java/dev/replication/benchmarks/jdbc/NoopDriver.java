package dev.replication.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * JDBC driver for {@code jdbc:noop:<anything>} URLs, handing out {@link NoopConnection}s: the
 * benchmarks of the routing layer pool these, so that no database time hides the layer's own.
 */
public final class NoopDriver implements Driver {

	/**
	 * The prefix of the URLs this driver accepts.
	 */
	public static final String URL_PREFIX = "jdbc:noop:";

	static {
		// DriverManager finds the class through META-INF/services; a driver registers itself.
		try {
			DriverManager.registerDriver(new NoopDriver());
		}
		catch (SQLException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@Override
	public Connection connect(String url, Properties info) {
		return acceptsURL(url) ? new NoopConnection() : null;
	}

	@Override
	public boolean acceptsURL(String url) {
		return url != null && url.startsWith(URL_PREFIX);
	}

	@Override
	public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
		return new DriverPropertyInfo[0];
	}

	@Override
	public int getMajorVersion() {
		return 1;
	}

	@Override
	public int getMinorVersion() {
		return 0;
	}

	@Override
	public boolean jdbcCompliant() {
		return false;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

}
