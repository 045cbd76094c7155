package dev.replication.aop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.replication.annotation.Primary;
import dev.replication.annotation.ReadOnly;
import dev.replication.context.RoutingIntent;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds what a method declares about routing, looking at the method before its type, at the
 * most specific implementation and at the interfaces it implements, and caches the answer per
 * method and target class.
 */
final class RoutingAttributeSource {

	private static final String JAKARTA_TRANSACTIONAL = "jakarta.transaction.Transactional";

	/**
	 * Stands for "no target class" as a key: no method is ever invoked on a target of type void.
	 */
	private static final Class<?> NO_TARGET = void.class;

	/**
	 * By method, then by target class: two lookups that allocate nothing, where one lookup by a
	 * key object made of both allocated that key on every call.
	 */
	private final Map<Method, Map<Class<?>, Declaration>> cache = new ConcurrentHashMap<>(256);

	private final @Nullable Class<? extends Annotation> jakartaTransactional;

	@SuppressWarnings("unchecked")
	RoutingAttributeSource() {
		this.jakartaTransactional = ClassUtils.isPresent(JAKARTA_TRANSACTIONAL, getClass().getClassLoader())
				? (Class<? extends Annotation>) ClassUtils.resolveClassName(JAKARTA_TRANSACTIONAL,
						getClass().getClassLoader())
				: null;
	}

	/**
	 * Return what {@code method}, invoked on an instance of {@code targetClass}, declares.
	 */
	Declaration declaration(Method method, @Nullable Class<?> targetClass) {
		Class<?> targetKey = (targetClass != null) ? targetClass : NO_TARGET;
		Map<Class<?>, Declaration> byTarget = this.cache.get(method);
		Declaration declared = (byTarget != null) ? byTarget.get(targetKey) : null;
		return (declared != null) ? declared : resolveOnce(method, targetClass, targetKey);
	}

	/**
	 * Resolve and cache what {@code method} declares: only on a miss, since the functions capture
	 * their arguments, which would cost allocations on every call.
	 */
	private Declaration resolveOnce(Method method, @Nullable Class<?> targetClass, Class<?> targetKey) {
		return this.cache.computeIfAbsent(method, (missing) -> new ConcurrentHashMap<>(4))
			.computeIfAbsent(targetKey, (missing) -> resolve(method, targetClass));
	}

	private Declaration resolve(Method method, @Nullable Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		Declaration declared = onElement(specific);
		if (declared == null && specific != method) {
			declared = onElement(method);
		}
		if (declared == null && targetClass != null) {
			declared = onElement(ClassUtils.getUserClass(targetClass));
		}
		if (declared == null) {
			declared = onElement(method.getDeclaringClass());
		}
		if (declared != null) {
			return declared;
		}
		return isTransactional(specific) || isTransactional(method.getDeclaringClass())
				|| (targetClass != null && isTransactional(targetClass)) ? Declaration.SCOPE : Declaration.NONE;
	}

	private static @Nullable Declaration onElement(java.lang.reflect.AnnotatedElement element) {
		// Both on one element is contradictory; the primary is the safe reading.
		if (AnnotatedElementUtils.hasAnnotation(element, Primary.class)) {
			return Declaration.PRIMARY;
		}
		if (AnnotatedElementUtils.hasAnnotation(element, ReadOnly.class)) {
			return Declaration.READ_ONLY;
		}
		return null;
	}

	private boolean isTransactional(java.lang.reflect.AnnotatedElement element) {
		return AnnotatedElementUtils.hasAnnotation(element,
				org.springframework.transaction.annotation.Transactional.class)
				|| (this.jakartaTransactional != null
						&& AnnotatedElementUtils.hasAnnotation(element, this.jakartaTransactional));
	}

	/**
	 * What a method declares about routing.
	 */
	enum Declaration {

		/**
		 * {@code @Primary}.
		 */
		PRIMARY(RoutingIntent.PRIMARY),

		/**
		 * {@code @ReadOnly}.
		 */
		READ_ONLY(RoutingIntent.READ_ONLY),

		/**
		 * Nothing about routing, but the method is transactional: it opens a routed scope, so that
		 * its writes are remembered until it returns.
		 */
		SCOPE(null),

		/**
		 * Nothing: the method is not intercepted.
		 */
		NONE(null);

		private final @Nullable RoutingIntent intent;

		Declaration(@Nullable RoutingIntent intent) {
			this.intent = intent;
		}

		@Nullable RoutingIntent intent() {
			return this.intent;
		}

	}

}
