package dev.replication.data;

import java.lang.reflect.Method;
import java.util.Map;

import dev.replication.context.RoutingIntent;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.support.RepositoryProxyPostProcessor;

/**
 * Adds to each Spring Data repository proxy the advice that routes its query methods that only
 * read as {@code @ReadOnly} and those that write as {@code @Primary} ({@link QueryMethodIntents}).
 *
 * <p>The advice goes first, outside Spring Data's transaction interceptor, so that the intent is
 * in effect before the transaction begins and until it has committed.
 */
public final class RepositoryRoutingPostProcessor implements RepositoryProxyPostProcessor {

	@Override
	public void postProcess(ProxyFactory factory, RepositoryInformation repositoryInformation) {
		Map<Method, RoutingIntent> intents = QueryMethodIntents.of(repositoryInformation);
		if (!intents.isEmpty()) {
			factory.addAdvice(0, new RepositoryRoutingInterceptor(intents));
		}
	}

}
