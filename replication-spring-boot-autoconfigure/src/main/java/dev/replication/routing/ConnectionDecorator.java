package dev.replication.routing;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * Base of the JDK proxies that watch a pooled {@link Connection}: answers identity and
 * {@code unwrap} for the proxy itself and hands every other call to {@link #handle}, which
 * usually ends in {@link #call} on the target.
 */
abstract class ConnectionDecorator implements InvocationHandler {

	/**
	 * The constructor of the {@code Connection} proxy class, looked up once:
	 * {@link Proxy#newProxyInstance} would look the class up again for every connection.
	 */
	private static final Constructor<?> CONNECTION_PROXY = proxyConstructor(Connection.class);

	/**
	 * Return a proxy of {@code Connection} handled by {@code handler}.
	 */
	static Connection proxy(ConnectionDecorator handler) {
		return (Connection) newProxy(CONNECTION_PROXY, handler);
	}

	/**
	 * Return the constructor of the proxy class of {@code type}, for {@link #newProxy}.
	 */
	static Constructor<?> proxyConstructor(Class<?> type) {
		Object proxy = Proxy.newProxyInstance(ConnectionDecorator.class.getClassLoader(), new Class<?>[] { type },
				(target, method, args) -> null);
		try {
			return proxy.getClass().getConstructor(InvocationHandler.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("No constructor of the proxy class of " + type.getName(), ex);
		}
	}

	/**
	 * Return a new proxy made by {@code constructor} (from {@link #proxyConstructor}), handled by
	 * {@code handler}.
	 */
	static Object newProxy(Constructor<?> constructor, InvocationHandler handler) {
		try {
			return constructor.newInstance(handler);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("Could not make a proxy", ex.getTargetException());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not make a proxy", ex);
		}
	}

	@Override
	public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		switch (method.getName()) {
			case "equals":
				return proxy == args[0];
			case "hashCode":
				return System.identityHashCode(proxy);
			case "toString":
				return getClass().getSimpleName() + " of " + target();
			case "unwrap":
				if (((Class<?>) args[0]).isInstance(proxy)) {
					return proxy;
				}
				return call(target(), method, args);
			default:
				return handle(proxy, method, args);
		}
	}

	/**
	 * Return the connection calls go to now.
	 */
	abstract Connection target();

	/**
	 * Handle a call to the connection proxy.
	 */
	abstract Object handle(Object proxy, Method method, Object[] args) throws Throwable;

	/**
	 * Invoke {@code method} on {@code target}, throwing what it throws.
	 */
	static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
