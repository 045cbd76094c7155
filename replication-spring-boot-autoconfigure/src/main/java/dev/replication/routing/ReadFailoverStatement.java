package dev.replication.routing;

import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Handles a JDK proxy of a statement made on a {@link ReadFailoverConnection} while its first
 * query may still be run again: records how the statement was made and configured, so that it
 * can be made again on another connection, and re-runs the query when its connection died. Only
 * the connection's first statements are proxied, so a proxy (simpler than a class delegating
 * every method of {@code PreparedStatement}) costs little.
 */
final class ReadFailoverStatement implements InvocationHandler {

	/**
	 * The constructors of the proxy classes, looked up once ({@link Proxy#newProxyInstance} would
	 * look the class up again for every statement) and called through a method handle, which
	 * needs no argument array.
	 */
	private static final MethodHandle STATEMENT_PROXY = proxyConstructor(Statement.class);

	private static final MethodHandle PREPARED_STATEMENT_PROXY = proxyConstructor(PreparedStatement.class);

	private final ReadFailoverConnection connection;

	private final Maker maker;

	/** The latest value of each setting and parameter, keyed by setter and index; made on first use. */
	private Map<String, Object[]> settings;

	private Map<String, Method> setters;

	private Statement statement;

	private int generation;

	private ReadFailoverStatement(ReadFailoverConnection connection, Statement statement, Maker maker) {
		this.connection = connection;
		this.statement = statement;
		this.maker = maker;
		this.generation = connection.generation();
	}

	/**
	 * Return a proxy of {@code statement}, just made on the target of {@code connection}, that
	 * {@code maker} makes again on another connection.
	 */
	static Statement proxy(ReadFailoverConnection connection, Statement statement, Maker maker) {
		return (Statement) newProxy(STATEMENT_PROXY, new ReadFailoverStatement(connection, statement, maker));
	}

	/**
	 * Return a proxy of {@code statement}, just made on the target of {@code connection}, that
	 * {@code maker} makes again on another connection.
	 */
	static PreparedStatement proxy(ReadFailoverConnection connection, PreparedStatement statement, Maker maker) {
		return (PreparedStatement) newProxy(PREPARED_STATEMENT_PROXY,
				new ReadFailoverStatement(connection, statement, maker));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		String name = method.getName();
		switch (name) {
			case "equals":
				return proxy == args[0];
			case "hashCode":
				return System.identityHashCode(proxy);
			case "getConnection":
				return this.connection;
			case "clearParameters":
				if (this.settings != null && this.connection.retryable()) {
					this.settings.keySet().removeIf((key) -> key.contains("#"));
				}
				break;
			default:
				break;
		}
		if (this.generation != this.connection.generation()) {
			recreate(this.connection.target());
		}
		if (!this.connection.retryable()) {
			// No reconnection can come any more, so there is nothing to record for one.
			return call(this.statement, method, args);
		}
		if (name.startsWith("set")) {
			record(method, args);
		}
		if (name.startsWith("execute")) {
			this.connection.statementStarting();
		}
		if (!name.equals("executeQuery") && !name.equals("execute")) {
			return call(this.statement, method, args);
		}
		boolean rerun = false;
		while (true) {
			try {
				Object result = call(this.statement, method, args);
				this.connection.stopRetrying();
				return result;
			}
			catch (SQLException ex) {
				if (rerun || !this.connection.retryable() || !ConnectionFailures.isRerunnable(ex)) {
					this.connection.stopRetrying();
					throw ex;
				}
				rerun = true;
				recreate(this.connection.reconnect(ex));
			}
		}
	}

	private void record(Method method, Object[] args) {
		boolean indexed = args != null && args.length > 1 && args[0] instanceof Integer;
		String key = indexed ? method.getName() + "#" + args[0] : method.getName();
		if (this.settings == null) {
			this.settings = new LinkedHashMap<>();
			this.setters = new LinkedHashMap<>();
		}
		this.settings.put(key, args);
		this.setters.put(key, method);
		if (args != null && args.length > 1 && (args[1] instanceof InputStream || args[1] instanceof Reader)) {
			// A stream is read once: it cannot be sent again.
			this.connection.stopRetrying();
		}
	}

	private void recreate(Connection connection) throws Throwable {
		this.statement = this.maker.make(connection);
		if (this.settings != null) {
			for (Map.Entry<String, Object[]> setting : this.settings.entrySet()) {
				call(this.statement, this.setters.get(setting.getKey()), setting.getValue());
			}
		}
		this.generation = this.connection.generation();
	}

	private static MethodHandle proxyConstructor(Class<?> type) {
		Object proxy = Proxy.newProxyInstance(ReadFailoverStatement.class.getClassLoader(), new Class<?>[] { type },
				(target, method, args) -> null);
		try {
			return MethodHandles.publicLookup()
				.findConstructor(proxy.getClass(), MethodType.methodType(void.class, InvocationHandler.class))
				.asType(MethodType.methodType(Object.class, InvocationHandler.class));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("No constructor of the proxy class of " + type.getName(), ex);
		}
	}

	private static Object newProxy(MethodHandle constructor, InvocationHandler handler) {
		try {
			return (Object) constructor.invokeExact(handler);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Could not make a proxy", ex);
		}
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	/**
	 * Makes the statement again on a connection.
	 */
	@FunctionalInterface
	interface Maker {

		Statement make(Connection connection) throws SQLException;

	}

}
