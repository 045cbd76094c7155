package dev.replication.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;

import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.routing.ReplicationDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedReplicationClusterAutoConfiguration}.
 */
class EmbeddedReplicationClusterAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedReplicationClusterAutoConfiguration.class,
				ReplicationAutoConfiguration.class, DataSourceAutoConfiguration.class));

	@Test
	void startsAClusterAndRoutesOverItWhenEnabledWithoutPrimaryUrl() {
		this.contextRunner.withPropertyValues("replication.embedded.enabled=true", "replication.embedded.replicas=1")
			.run((context) -> {
				EmbeddedReplicationCluster cluster = context.getBean(EmbeddedReplicationCluster.class);
				ReplicationConnectionDetails details = context.getBean(ReplicationConnectionDetails.class);
				assertThat(details.getPrimary().jdbcUrl()).isEqualTo(cluster.primary().jdbcUrl());
				assertThat(details.getReplicas()).extracting(ReplicationConnectionDetails.Node::jdbcUrl)
					.containsExactly(cluster.replica(0).jdbcUrl());
				ReplicationDataSource dataSource = context.getBean(ReplicationDataSource.class);
				try (Connection connection = dataSource.getConnection();
						ResultSet result = connection.createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
					result.next();
					assertThat(result.getBoolean(1)).isFalse();
				}
				context.close();
				assertThat(cluster.primary().isRunning()).isFalse();
			});
	}

	@Test
	void backsOffWhenAPrimaryUrlIsConfigured() {
		this.contextRunner
			.withPropertyValues("replication.embedded.enabled=true",
					"replication.primary.url=jdbc:postgresql://db-primary:5432/app")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedReplicationCluster.class);
				assertThat(context.getBean(ReplicationConnectionDetails.class).getPrimary().jdbcUrl())
					.isEqualTo("jdbc:postgresql://db-primary:5432/app");
			});
	}

	@Test
	void isOffByDefault() {
		this.contextRunner.withPropertyValues("replication.primary.url=jdbc:postgresql://db-primary:5432/app")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedReplicationCluster.class));
	}

}
