package dev.replication.data;

import java.lang.reflect.Method;
import java.util.Map;

import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Puts in effect, around a repository query method, the intent decided for it once when the
 * repository was created, and always restores the one around it.
 */
final class RepositoryRoutingInterceptor implements MethodInterceptor {

	private final Map<Method, RoutingIntent> intents;

	RepositoryRoutingInterceptor(Map<Method, RoutingIntent> intents) {
		this.intents = Map.copyOf(intents);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		RoutingIntent intent = this.intents.get(invocation.getMethod());
		if (intent == null) {
			return invocation.proceed();
		}
		RoutingContextHolder.Frame frame = RoutingContextHolder.enter(intent);
		try {
			return invocation.proceed();
		}
		finally {
			RoutingContextHolder.exit(frame);
		}
	}

}
