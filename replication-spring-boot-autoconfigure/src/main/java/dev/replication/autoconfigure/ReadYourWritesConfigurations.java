package dev.replication.autoconfigure;

import java.util.ArrayDeque;
import java.util.Deque;

import dev.replication.context.CookieWriteHistoryScope;
import dev.replication.context.ReadYourWrites;
import dev.replication.context.ReadYourWritesTaskDecorator;
import dev.replication.context.ReadYourWritesThreadLocalAccessor;
import dev.replication.context.RequestWriteHistoryScope;
import dev.replication.context.SessionWriteHistoryScope;
import dev.replication.context.ThreadWriteHistoryScope;
import dev.replication.context.WriteHistoryScope;
import io.micrometer.context.ContextRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where read-your-writes remembers a caller's writes ({@code replication.read-your-writes.scope})
 * and how they are handed to other threads: imported by {@link ReplicationAutoConfiguration}.
 */
final class ReadYourWritesConfigurations {

	private static final String REQUEST_CONTEXT_HOLDER = "org.springframework.web.context.request.RequestContextHolder";

	private static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

	private ReadYourWritesConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { REQUEST_CONTEXT_HOLDER, SERVLET_REQUEST })
	static class ServletScope {

		@Bean
		@ConditionalOnMissingBean
		WriteHistoryScope writeHistoryScope(ReplicationProperties properties) {
			ReplicationSettings settings = new ReplicationSettings(properties);
			return switch (settings.readYourWritesScope()) {
				case "session" -> new SessionWriteHistoryScope();
				case "cookie" -> new CookieWriteHistoryScope(settings.cookieName(), settings.cookieSecret(),
						settings.cookieMaxAge(), properties.getReadYourWrites().getCookie().getSecure());
				default -> new RequestWriteHistoryScope();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = REQUEST_CONTEXT_HOLDER)
	@ConditionalOnMissingClass(SERVLET_REQUEST)
	static class RequestScope {

		@Bean
		@ConditionalOnMissingBean
		WriteHistoryScope writeHistoryScope(ReplicationProperties properties) {
			return switch (new ReplicationSettings(properties).readYourWritesScope()) {
				case "session" -> new SessionWriteHistoryScope();
				case "cookie" -> throw needsServlet();
				default -> new RequestWriteHistoryScope();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(REQUEST_CONTEXT_HOLDER)
	static class ThreadScope {

		@Bean
		@ConditionalOnMissingBean
		WriteHistoryScope writeHistoryScope(ReplicationProperties properties) {
			if (!"request".equals(new ReplicationSettings(properties).readYourWritesScope())) {
				throw needsServlet();
			}
			return new ThreadWriteHistoryScope();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HandOff {

		@Bean
		@ConditionalOnMissingBean
		ReadYourWrites readYourWrites(WriteHistoryScope writeHistoryScope) {
			return new ReadYourWrites(writeHistoryScope);
		}

		@Bean
		@ConditionalOnMissingBean
		ReadYourWritesTaskDecorator readYourWritesTaskDecorator(ReadYourWrites readYourWrites) {
			return new ReadYourWritesTaskDecorator(readYourWrites);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.context.ThreadLocalAccessor")
	static class ContextPropagation {

		@Bean
		ContextRegistration readYourWritesContextRegistration(ReadYourWrites readYourWrites) {
			return new ContextRegistration(new ReadYourWritesThreadLocalAccessor(readYourWrites));
		}

	}

	/**
	 * Registers the accessor with Micrometer's global {@link ContextRegistry} while the context
	 * runs. The registry holds one accessor per key: the application context started last wins,
	 * and when it closes the one started before it takes over again.
	 */
	static final class ContextRegistration implements InitializingBean, DisposableBean {

		private static final Deque<ReadYourWritesThreadLocalAccessor> live = new ArrayDeque<>();

		private final ReadYourWritesThreadLocalAccessor accessor;

		ContextRegistration(ReadYourWritesThreadLocalAccessor accessor) {
			this.accessor = accessor;
		}

		@Override
		public void afterPropertiesSet() {
			synchronized (live) {
				live.push(this.accessor);
				ContextRegistry.getInstance().registerThreadLocalAccessor(this.accessor);
			}
		}

		@Override
		public void destroy() {
			synchronized (live) {
				live.remove(this.accessor);
				ContextRegistry registry = ContextRegistry.getInstance();
				registry.removeThreadLocalAccessor(ReadYourWritesThreadLocalAccessor.KEY);
				if (!live.isEmpty()) {
					registry.registerThreadLocalAccessor(live.peek());
				}
			}
		}

	}

	private static InvalidReplicationConfigurationException needsServlet() {
		return new InvalidReplicationConfigurationException("replication.read-your-writes.scope",
				"needs a servlet web application for the 'session' and 'cookie' scopes",
				"Set 'replication.read-your-writes.scope' to 'request' (the default), or add spring-webmvc.");
	}

}
