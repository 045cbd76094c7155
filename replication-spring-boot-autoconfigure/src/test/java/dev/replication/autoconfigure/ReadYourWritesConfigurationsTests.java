package dev.replication.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.replication.context.CookieWriteHistoryScope;
import dev.replication.context.ReadYourWrites;
import dev.replication.context.ReadYourWritesTaskDecorator;
import dev.replication.context.ReadYourWritesThreadLocalAccessor;
import dev.replication.context.RequestWriteHistoryScope;
import dev.replication.context.SessionWriteHistoryScope;
import dev.replication.context.WriteHistoryScope;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReadYourWritesConfigurations}: which scope
 * {@code replication.read-your-writes.scope} selects, how a bad cookie set-up is reported, and
 * how the hand-off decorator joins Spring Boot's executors.
 */
class ReadYourWritesConfigurationsTests {

	private static final String[] CLUSTER = { "replication.primary.url=jdbc:postgresql://db-primary:5432/app",
			"replication.primary.username=app", "replication.replicas[0].url=jdbc:postgresql://db-replica-1:5432/app" };

	private static final String SECRET = "0123456789abcdef0123456789abcdef-s3cr3t";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReplicationAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues(CLUSTER);

	@Test
	void scopeIsTheRequestByDefault() {
		this.contextRunner.run((context) -> assertThat(context.getBean(WriteHistoryScope.class))
			.isInstanceOf(RequestWriteHistoryScope.class));
	}

	@Test
	void sessionScopeKeepsTheTokenInTheSession() {
		this.contextRunner.withPropertyValues("replication.read-your-writes.scope=session")
			.run((context) -> assertThat(context.getBean(WriteHistoryScope.class))
				.isInstanceOf(SessionWriteHistoryScope.class));
	}

	@Test
	void cookieScopeKeepsTheTokenInASignedCookie() {
		this.contextRunner
			.withPropertyValues("replication.read-your-writes.scope=cookie",
					"replication.read-your-writes.cookie.secret=" + SECRET)
			.run((context) -> assertThat(context.getBean(WriteHistoryScope.class))
				.isInstanceOf(CookieWriteHistoryScope.class));
	}

	@Test
	void cookieScopeWithoutASecretIsReported() {
		this.contextRunner.withPropertyValues("replication.read-your-writes.scope=cookie")
			.run((context) -> assertFailure(context,
					"Property 'replication.read-your-writes.cookie.secret' is required with "
							+ "'replication.read-your-writes.scope' set to 'cookie'",
					"Set 'replication.read-your-writes.cookie.secret' to a random value of at least 32 characters"));
	}

	@Test
	void cookieScopeWithAShortSecretIsReportedWithoutShowingIt() {
		this.contextRunner
			.withPropertyValues("replication.read-your-writes.scope=cookie",
					"replication.read-your-writes.cookie.secret=s3cr3t")
			.run((context) -> {
				assertFailure(context, "Property 'replication.read-your-writes.cookie.secret' is too short",
						"or set 'replication.read-your-writes.scope' to 'request' or 'session'.");
				assertThat(context.getStartupFailure()).hasStackTraceContaining("too short")
					.satisfies((failure) -> assertThat(failure.getMessage()).doesNotContain("s3cr3t"));
			});
	}

	@Test
	void nonPositiveCookieMaxAgeIsReported() {
		this.contextRunner
			.withPropertyValues("replication.read-your-writes.scope=cookie",
					"replication.read-your-writes.cookie.secret=" + SECRET,
					"replication.read-your-writes.cookie.max-age=0s")
			.run((context) -> assertFailure(context,
					"Property 'replication.read-your-writes.cookie.max-age' must be a positive duration",
					"Set 'replication.read-your-writes.cookie.max-age' to a duration such as 5m (the default)."));
	}

	@Test
	void unknownScopeIsReported() {
		this.contextRunner.withPropertyValues("replication.read-your-writes.scope=application")
			.run((context) -> assertFailure(context,
					"Property 'replication.read-your-writes.scope' has the unknown value [application]",
					"Set 'replication.read-your-writes.scope' to 'request' (the default), 'session' or 'cookie'."));
	}

	@Test
	void cookieScopeNeedsAServletApplication() {
		this.contextRunner
			.withPropertyValues("replication.read-your-writes.scope=cookie",
					"replication.read-your-writes.cookie.secret=" + SECRET)
			.withClassLoader(new FilteredClassLoader("jakarta.servlet"))
			.run((context) -> assertFailure(context,
					"Property 'replication.read-your-writes.scope' needs a servlet web application",
					"Set 'replication.read-your-writes.scope' to 'request' (the default)"));
	}

	@Test
	void handOffDecoratorJoinsTheApplicationsOwnDecoratorInBootsExecutor() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withUserConfiguration(UserTaskDecorator.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ReadYourWrites.class).hasSingleBean(ReadYourWritesTaskDecorator.class);
				ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor",
						ThreadPoolTaskExecutor.class);
				String[] seen = new String[2];
				executor.submit(() -> {
					seen[0] = UserTaskDecorator.MARK.get();
					seen[1] = String.valueOf(dev.replication.context.RoutingContextHolder.isActive());
				}).get();
				assertThat(seen).containsExactly("decorated by the application", "true");
			});
	}

	@Test
	void accessorIsRegisteredForContextPropagationWhileTheContextRuns() {
		List<ThreadLocalAccessor<?>> registered = new ArrayList<>();
		this.contextRunner.run((context) -> ContextRegistry.getInstance()
			.getThreadLocalAccessors()
			.stream()
			.filter((accessor) -> ReadYourWritesThreadLocalAccessor.KEY.equals(accessor.key()))
			.forEach(registered::add));
		assertThat(registered).hasSize(1);
		// Other application contexts of this test JVM may still have theirs registered.
		assertThat(ContextRegistry.getInstance().getThreadLocalAccessors()).doesNotContain(registered.get(0));
	}

	@Test
	void contextPropagationIsOptional() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.context"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ReadYourWritesTaskDecorator.class));
	}

	private static void assertFailure(AssertableApplicationContext context, String description, String action) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidReplicationConfigurationFailureAnalyzer()
			.analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains(description).doesNotContain("s3cr3t");
		assertThat(analysis.getAction()).contains(action).doesNotContain("s3cr3t");
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTaskDecorator {

		static final ThreadLocal<String> MARK = new ThreadLocal<>();

		@Bean
		TaskDecorator userTaskDecorator() {
			return (runnable) -> () -> {
				MARK.set("decorated by the application");
				try {
					runnable.run();
				}
				finally {
					MARK.remove();
				}
			};
		}

	}

}
