package dev.replication.routing;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a connection to the primary read-only for a read-only caller in auto-commit mode, where
 * the driver's {@code setReadOnly(true)} changes nothing on the server: the session is made read
 * only, and read-write again before the connection goes back to its pool. A write attempted under
 * {@code @ReadOnly} is then refused by PostgreSQL, on whichever node is the primary now. Inside a
 * transaction this is not needed: Spring's read-only flag makes it {@code BEGIN READ ONLY}.
 */
final class ReadOnlySessionConnection extends ConnectionDecorator {

	private final Connection target;

	private ReadOnlySessionConnection(Connection target) {
		this.target = target;
	}

	static Connection wrap(Connection target) throws SQLException {
		execute(target, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
		return proxy(new ReadOnlySessionConnection(target));
	}

	@Override
	Connection target() {
		return this.target;
	}

	@Override
	Object handle(Object proxy, Method method, Object[] args) throws Throwable {
		if (method.getName().equals("close") && !this.target.isClosed()) {
			try {
				execute(this.target, "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
			}
			catch (SQLException ex) {
				// Never hand a read-only session to the pool's next writer: drop the connection.
				this.target.abort(Runnable::run);
			}
		}
		return call(this.target, method, args);
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
