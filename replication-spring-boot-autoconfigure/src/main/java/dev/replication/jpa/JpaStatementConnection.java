package dev.replication.jpa;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

import dev.replication.context.JpaOutsideTransaction;

/**
 * A connection handed to the JPA provider, which marks the statements it creates outside a
 * transaction ({@link JpaOutsideTransaction}), so that the routing data source, deciding at the
 * first statement, can tell a JPA read outside a transaction from plain JDBC code.
 */
final class JpaStatementConnection implements InvocationHandler {

	private final Connection target;

	private JpaStatementConnection(Connection target) {
		this.target = target;
	}

	static Connection wrap(Connection target) {
		return (Connection) Proxy.newProxyInstance(JpaStatementConnection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new JpaStatementConnection(target));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		switch (method.getName()) {
			case "equals":
				return proxy == args[0];
			case "hashCode":
				return System.identityHashCode(proxy);
			case "toString":
				return "JPA connection of " + this.target;
			case "createStatement":
			case "prepareStatement":
			case "prepareCall":
				boolean marked = JpaOutsideTransaction.enter();
				try {
					return call(method, args);
				}
				finally {
					if (marked) {
						JpaOutsideTransaction.exit();
					}
				}
			default:
				return call(method, args);
		}
	}

	private Object call(Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(this.target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
