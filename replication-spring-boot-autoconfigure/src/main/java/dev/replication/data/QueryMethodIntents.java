package dev.replication.data;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.replication.annotation.Primary;
import dev.replication.annotation.ReadOnly;
import dev.replication.context.RoutingIntent;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.data.annotation.QueryAnnotation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, from Spring Data's own metadata about a repository's query methods (never from SQL),
 * which of them only read: derived {@code find...By}, {@code count...By}, {@code exists...By}
 * queries and {@code @Query} methods without {@code @Modifying} run as if annotated
 * {@code @ReadOnly}; derived deletes, {@code @Modifying} and {@code @Procedure} methods as if
 * annotated {@code @Primary}. A method that says for itself, or whose repository says, with
 * {@code @ReadOnly}, {@code @Primary} or {@code @Transactional}, is left to that annotation.
 */
final class QueryMethodIntents {

	private static final String[] WRITING_ANNOTATIONS = { "org.springframework.data.jpa.repository.Modifying",
			"org.springframework.data.jdbc.repository.query.Modifying",
			"org.springframework.data.jpa.repository.query.Procedure" };

	private static final String JAKARTA_TRANSACTIONAL = "jakarta.transaction.Transactional";

	/** What {@link PartTree} takes for a derived delete, for names it cannot parse. */
	private static final Pattern DELETE = Pattern.compile("^(delete|remove)(\\p{Lu}.*?)??By");

	private QueryMethodIntents() {
	}

	/**
	 * Return the intent each query method of the repository described by {@code information}
	 * runs with, leaving out those that decide for themselves.
	 */
	static Map<Method, RoutingIntent> of(RepositoryInformation information) {
		Map<Method, RoutingIntent> intents = new HashMap<>();
		if (declaresRouting(information.getRepositoryInterface())) {
			return intents;
		}
		for (Method method : information.getQueryMethods()) {
			if (!declaresRouting(method)) {
				intents.put(method, intent(method, information.getDomainType()));
			}
		}
		return intents;
	}

	static RoutingIntent intent(Method method, Class<?> domainType) {
		MergedAnnotations annotations = MergedAnnotations.from(method);
		for (String writing : WRITING_ANNOTATIONS) {
			if (annotations.isPresent(writing)) {
				return RoutingIntent.PRIMARY;
			}
		}
		if (annotations.isPresent(QueryAnnotation.class)) {
			return RoutingIntent.READ_ONLY;
		}
		return isDerivedDelete(method.getName(), domainType) ? RoutingIntent.PRIMARY : RoutingIntent.READ_ONLY;
	}

	private static boolean isDerivedDelete(String name, Class<?> domainType) {
		try {
			return new PartTree(name, domainType).isDelete();
		}
		catch (RuntimeException ex) {
			// A named query, or a name Spring Data will reject itself: judge by its prefix only.
			return DELETE.matcher(name).find();
		}
	}

	private static boolean declaresRouting(AnnotatedElement element) {
		return AnnotatedElementUtils.hasAnnotation(element, Primary.class)
				|| AnnotatedElementUtils.hasAnnotation(element, ReadOnly.class)
				|| AnnotatedElementUtils.hasAnnotation(element, Transactional.class)
				|| MergedAnnotations.from(element).isPresent(JAKARTA_TRANSACTIONAL);
	}

}
