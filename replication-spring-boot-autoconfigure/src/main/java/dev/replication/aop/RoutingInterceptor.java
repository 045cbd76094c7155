package dev.replication.aop;

import dev.replication.context.RoutingContextHolder;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;

/**
 * Puts the routing intent a method declares in effect while it runs, and always restores the
 * one around it, so that routing state never outlives the call.
 */
final class RoutingInterceptor implements MethodInterceptor {

	private final RoutingAttributeSource attributeSource;

	RoutingInterceptor(RoutingAttributeSource attributeSource) {
		this.attributeSource = attributeSource;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : null;
		RoutingContextHolder.Frame frame = RoutingContextHolder
			.enter(this.attributeSource.declaration(invocation.getMethod(), targetClass).intent());
		try {
			return invocation.proceed();
		}
		finally {
			RoutingContextHolder.exit(frame);
		}
	}

}
