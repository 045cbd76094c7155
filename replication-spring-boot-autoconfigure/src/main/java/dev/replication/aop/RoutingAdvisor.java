package dev.replication.aop;

import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.Ordered;

/**
 * Spring AOP advisor that applies {@link dev.replication.annotation.ReadOnly @ReadOnly} and
 * {@link dev.replication.annotation.Primary @Primary}, and opens a routed scope around
 * transactional methods. No AspectJ weaver is needed: any auto-proxy creator picks it up.
 *
 * <p>Its default order runs it just outside Spring's transaction interceptor (whose default
 * order is {@link Ordered#LOWEST_PRECEDENCE}), so the intent is in effect before the
 * transaction begins.
 */
public final class RoutingAdvisor extends AbstractPointcutAdvisor {

	/**
	 * The default order: just before the transaction advisor.
	 */
	public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private final transient RoutingAttributeSource attributeSource = new RoutingAttributeSource();

	private final transient RoutingInterceptor interceptor = new RoutingInterceptor(this.attributeSource);

	private final transient Pointcut pointcut = new StaticMethodMatcherPointcut() {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return RoutingAdvisor.this.attributeSource.declaration(method,
					targetClass) != RoutingAttributeSource.Declaration.NONE;
		}

	};

	/**
	 * Create an advisor with the {@link #DEFAULT_ORDER}.
	 */
	public RoutingAdvisor() {
		setOrder(DEFAULT_ORDER);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

}
