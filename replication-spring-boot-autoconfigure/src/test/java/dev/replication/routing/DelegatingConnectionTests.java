package dev.replication.routing;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DelegatingConnection}.
 */
class DelegatingConnectionTests {

	private final List<String> calls = new ArrayList<>();

	private final Connection target = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
			new Class<?>[] { Connection.class }, (proxy, method, args) -> {
				if (method.getDeclaringClass() == Object.class) {
					return (method.getName().equals("toString")) ? "target" : System.identityHashCode(proxy);
				}
				this.calls.add(describe(method, args));
				return defaultValue(method.getReturnType());
			});

	private final DelegatingConnection wrapper = new DelegatingConnection(this.target) {
	};

	@Test
	void everyMethodOfConnectionIsDeclaredIncludingDefaultMethods() {
		for (Method method : Connection.class.getMethods()) {
			assertThat(declares(method)).as(method.toString()).isTrue();
		}
	}

	@Test
	void everyCallIsHandedToTheTargetWithItsArguments() throws Exception {
		for (Method method : Connection.class.getMethods()) {
			if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
				continue;
			}
			Object[] args = Arrays.stream(method.getParameterTypes()).map(DelegatingConnectionTests::argument).toArray();
			this.calls.clear();
			method.invoke(this.wrapper, args);
			assertThat(this.calls).as(method.toString()).containsExactly(describe(method, args));
		}
	}

	@Test
	void unwrapAnswersForTheWrapperThenAsksTheTarget() throws Exception {
		assertThat(this.wrapper.unwrap(DelegatingConnection.class)).isSameAs(this.wrapper);
		assertThat(this.wrapper.isWrapperFor(DelegatingConnection.class)).isTrue();
		assertThat(this.calls).isEmpty();
		this.wrapper.unwrap(String.class);
		this.wrapper.isWrapperFor(String.class);
		assertThat(this.calls).containsExactly("unwrap[class java.lang.String]", "isWrapperFor[class java.lang.String]");
	}

	@Test
	void equalityIsIdentityAndToStringNamesTheTarget() {
		assertThat(this.wrapper).isNotEqualTo(this.target).isEqualTo(this.wrapper);
		assertThat(this.wrapper.hashCode()).isEqualTo(System.identityHashCode(this.wrapper));
		assertThat(this.wrapper.toString()).endsWith(" of target");
	}

	private static boolean declares(Method method) {
		try {
			DelegatingConnection.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static String describe(Method method, Object[] args) {
		return method.getName() + ((args != null) ? Arrays.deepToString(args) : "[]");
	}

	private static Object argument(Class<?> type) {
		if (type == int.class) {
			return 7;
		}
		if (type == boolean.class) {
			return true;
		}
		if (type == String.class) {
			return "text";
		}
		return null;
	}

	private static Object defaultValue(Class<?> type) {
		if (type == int.class) {
			return 0;
		}
		if (type == boolean.class) {
			return false;
		}
		return null;
	}

}
