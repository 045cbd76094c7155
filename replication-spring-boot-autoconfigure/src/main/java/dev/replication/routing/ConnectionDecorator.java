package dev.replication.routing;

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
	 * Return a proxy of {@code Connection} handled by {@code handler}.
	 */
	static Connection proxy(ConnectionDecorator handler) {
		return (Connection) Proxy.newProxyInstance(ConnectionDecorator.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
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
