package dev.replication.autoconfigure;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.aop.RoutingAdvisor;
import dev.replication.context.RequestWriteHistoryScope;
import dev.replication.context.ThreadWriteHistoryScope;
import dev.replication.context.WriteHistoryScope;
import dev.replication.cluster.NodeStatus;
import dev.replication.cluster.ReplicationTopology;
import dev.replication.routing.ReplicationDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplicationAutoConfiguration}: what it builds, when it backs off, and how it
 * reports bad configuration. Pools are lazy, so no database is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicationAutoConfigurationTests {

	private static final String[] CLUSTER = { "replication.primary.url=jdbc:postgresql://db-primary:5432/app",
			"replication.primary.username=app", "replication.primary.password=s3cr3t-pw",
			"replication.replicas[0].url=jdbc:postgresql://db-replica-1:5432/app",
			"replication.replicas[1].url=jdbc:postgresql://db-replica-2:5432/app?password=url-s3cr3t" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ReplicationAutoConfiguration.class, DataSourceAutoConfiguration.class));

	@Test
	void dataSourceRoutesOverAPoolPerNode() {
		this.contextRunner.withPropertyValues(CLUSTER).run((context) -> {
			assertThat(context).hasSingleBean(ReplicationDataSource.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(ReplicationDataSource.class);
			assertThat(context).hasSingleBean(RoutingAdvisor.class);
			ReplicationDataSource dataSource = context.getBean(ReplicationDataSource.class);
			assertThat(dataSource.getRoutingDataSource().getNodes()).containsOnlyKeys("primary", "replica-1",
					"replica-2");
			HikariDataSource primary = pool(dataSource, "primary");
			assertThat(primary.getJdbcUrl()).isEqualTo("jdbc:postgresql://db-primary:5432/app");
			assertThat(primary.getPoolName()).isEqualTo("primary");
			assertThat(primary.getConnectionTimeout())
				.as("replication.health.connect-timeout: a promoted replica's pool and the primary's wait alike")
				.isEqualTo(1000);
			assertThat(primary.getDataSourceProperties()).containsEntry("connectTimeout", "1");
			HikariDataSource replica = pool(dataSource, "replica-1");
			assertThat(replica.getPoolName()).isEqualTo("replica-1");
			assertThat(replica.getConnectionTimeout()).as("replication.health.connect-timeout").isEqualTo(1000);
			assertThat(replica.getUsername()).isEqualTo("app");
			assertThat(replica.getPassword()).isEqualTo("s3cr3t-pw");
		});
	}

	@Test
	void replicaCredentialsOverrideThePrimarys() {
		this.contextRunner
			.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.replicas[0].username=reader", "replication.replicas[0].password=other")
			.run((context) -> {
				HikariDataSource replica = pool(context.getBean(ReplicationDataSource.class), "replica-1");
				assertThat(replica.getUsername()).isEqualTo("reader");
				assertThat(replica.getPassword()).isEqualTo("other");
			});
	}

	@Test
	void hikariSettingsApplyToEveryNodeAndNodeSettingsOverrideThem() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.hikari.maximum-pool-size=7", "replication.hikari.minimum-idle=1",
					"replication.primary.hikari.maximum-pool-size=12", "replication.replicas[1].hikari.maximum-pool-size=3",
					"replication.replicas[1].hikari.pool-name=reader-pool")
			.run((context) -> {
				ReplicationDataSource dataSource = context.getBean(ReplicationDataSource.class);
				assertThat(pool(dataSource, "primary").getMaximumPoolSize()).isEqualTo(12);
				assertThat(pool(dataSource, "replica-1").getMaximumPoolSize()).isEqualTo(7);
				assertThat(pool(dataSource, "replica-2").getMaximumPoolSize()).isEqualTo(3);
				assertThat(pool(dataSource, "replica-2").getPoolName()).isEqualTo("reader-pool");
				assertThat(pool(dataSource, "replica-2").getMinimumIdle()).isEqualTo(1);
			});
	}

	@Test
	void sharedHikariSettingsCannotRedirectANode() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.hikari.jdbc-url=jdbc:postgresql://elsewhere:5432/app",
					"replication.hikari.pool-name=shared")
			.run((context) -> {
				HikariDataSource replica = pool(context.getBean(ReplicationDataSource.class), "replica-1");
				assertThat(replica.getJdbcUrl()).isEqualTo("jdbc:postgresql://db-replica-1:5432/app");
				assertThat(replica.getPoolName()).isEqualTo("replica-1");
			});
	}

	@Test
	void nonPostgresUrlIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.replicas[0].url=jdbc:mysql://db:3306/app")
			.run((context) -> assertFailure(context, "Property 'replication.replicas[0].url' is not a PostgreSQL JDBC URL",
					"Set 'replication.replicas[0].url' to a URL of the form jdbc:postgresql://host:5432/database."));
	}

	@Test
	void unknownTransactionIsolationIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.hikari.transaction-isolation=SNAPSHOT")
			.run((context) -> assertFailure(context,
					"Property 'replication.hikari.transaction-isolation' has the unknown value [SNAPSHOT]",
					"Set 'replication.hikari.transaction-isolation' to TRANSACTION_READ_COMMITTED"));
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.hikari.transaction-isolation=transaction_repeatable_read")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void replicasAreOptional() {
		this.contextRunner.withPropertyValues("replication.primary.url=jdbc:postgresql://db-primary:5432/app")
			.run((context) -> assertThat(context.getBean(ReplicationDataSource.class).getRoutingDataSource().getNodes())
				.containsOnlyKeys("primary"));
	}

	@Test
	void autoConfigurationBacksOffWhenUserDefinesDataSource() {
		this.contextRunner.withPropertyValues(CLUSTER).withUserConfiguration(UserDataSource.class).run((context) -> {
			assertThat(context).hasSingleBean(DataSource.class).doesNotHaveBean(ReplicationDataSource.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(SimpleDriverDataSource.class);
		});
	}

	@Test
	void autoConfigurationBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.enabled=false", "spring.datasource.url=jdbc:postgresql://db:5432/app")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ReplicationDataSource.class).doesNotHaveBean(RoutingAdvisor.class);
				assertThat(context).hasSingleBean(DataSource.class);
			});
	}

	@Test
	void writeHistoryIsRequestScopedInWebApplicationsAndThreadScopedOtherwise() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.run((context) -> assertThat(context.getBean(WriteHistoryScope.class))
				.isInstanceOf(RequestWriteHistoryScope.class));
		this.contextRunner.withPropertyValues(CLUSTER)
			.withClassLoader(new FilteredClassLoader("org.springframework.web"))
			.run((context) -> assertThat(context.getBean(WriteHistoryScope.class))
				.isInstanceOf(ThreadWriteHistoryScope.class));
	}

	@Test
	void migrationsAreHandedThePrimaryPool() {
		this.contextRunner.withPropertyValues(CLUSTER).run((context) -> {
			DataSource primary = context.getBean(ReplicationDataSource.class).getRoutingDataSource().getPrimaryDataSource();
			assertThat(context.getBean("replicationFlywayDataSource")).isSameAs(primary);
			assertThat(context.getBean("replicationLiquibaseDataSource")).isSameAs(primary);
			// Not default candidates: injection by type still gets the routing DataSource.
			assertThat(context.getBean(DataSource.class)).isInstanceOf(ReplicationDataSource.class);
		});
	}

	@Test
	void startupLogMasksPasswordsInUrls(CapturedOutput output) {
		this.contextRunner.withPropertyValues(CLUSTER).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Routing writes to primary (jdbc:postgresql://db-primary:5432/app)")
				.contains("replica-2 (jdbc:postgresql://db-replica-2:5432/app?password=******)")
				.doesNotContain("url-s3cr3t")
				.doesNotContain("s3cr3t-pw");
		});
	}

	@Test
	void missingPrimaryUrlIsReported() {
		this.contextRunner.run((context) -> assertFailure(context, "Property 'replication.primary.url' is required",
				"Set 'replication.primary.url' to the JDBC URL of the primary"));
	}

	@Test
	void replicaWithoutUrlIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.replicas[2].name=replica-3")
			.run((context) -> assertFailure(context, "Property 'replication.replicas[2].url' is required",
					"Set 'replication.replicas[2].url' to the JDBC URL of the replica"));
	}

	@Test
	void duplicateNodeNamesAreReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.replicas[0].name=reader", "replication.replicas[1].name=reader")
			.run((context) -> assertFailure(context,
					"Property 'replication.replicas[1].name' has the value [reader], already used by 'replication.replicas[0].name'",
					"Give every node a unique name: set 'replication.replicas[1].name'"));
	}

	@Test
	void replicaNamedLikeThePrimaryIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.replicas[0].name=primary")
			.run((context) -> assertFailure(context, "already used by 'replication.primary.name'",
					"set 'replication.replicas[0].name' to a name no other node has"));
	}

	@Test
	void nonPositiveWeightIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.replicas[1].weight=0")
			.run((context) -> assertFailure(context,
					"Property 'replication.replicas[1].weight' must be between 1 and 1000 but was 0",
					"Set 'replication.replicas[1].weight' to a share between 1 and 1000"));
	}

	@Test
	void unknownLoadBalancingIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.load-balancing=fastest")
			.run((context) -> assertFailure(context,
					"Property 'replication.load-balancing' has the unknown value [fastest]",
					"Set 'replication.load-balancing' to 'round-robin' (the default) or 'random'."));
	}

	@Test
	void negativeReadYourWritesWindowIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.read-your-writes.window=-1s")
			.run((context) -> assertFailure(context, "Property 'replication.read-your-writes.window' must not be negative",
					"Set 'replication.read-your-writes.window' to a duration"));
	}

	@Test
	void negativeFailoverMaxWaitIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.failover.max-wait=-1s")
			.run((context) -> assertFailure(context, "Property 'replication.failover.max-wait' must not be negative",
					"Set 'replication.failover.max-wait' to a duration such as 5s (the default)"));
	}

	@Test
	void nonPositiveHealthIntervalIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.health.interval=0s")
			.run((context) -> assertFailure(context, "Property 'replication.health.interval' must be a positive duration",
					"Set 'replication.health.interval' to a duration such as 1s (the default)."));
	}

	@Test
	void failureThresholdBelowOneIsReported() {
		this.contextRunner.withPropertyValues(CLUSTER)
			.withPropertyValues("replication.health.failure-threshold=0")
			.run((context) -> assertFailure(context,
					"Property 'replication.health.failure-threshold' must be at least 1 but was 0",
					"Set 'replication.health.failure-threshold' to 1 or more (the default is 2)."));
	}

	@Test
	void topologyIsAvailableAsABean() {
		// These hosts do not exist: one failed check (the first, at start-up) leaves the primary up.
		this.contextRunner.withPropertyValues(CLUSTER).withPropertyValues("replication.health.interval=1h").run((context) -> {
			ReplicationTopology topology = context.getBean(ReplicationTopology.class);
			assertThat(topology.getNodes()).extracting(NodeStatus::name).containsExactly("primary", "replica-1", "replica-2");
			assertThat(topology.getPrimary()).contains("primary");
		});
	}

	private static void assertFailure(AssertableApplicationContext context, String description, String action) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidReplicationConfigurationFailureAnalyzer()
			.analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains(description).doesNotContain("s3cr3t");
		assertThat(analysis.getAction()).contains(action).doesNotContain("s3cr3t");
	}

	private static HikariDataSource pool(ReplicationDataSource dataSource, String node) {
		return (HikariDataSource) dataSource.getRoutingDataSource().getNodes().get(node);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserDataSource {

		@Bean
		DataSource userDataSource() {
			return new SimpleDriverDataSource();
		}

	}

}
