package dev.replication.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * development: with {@code replication.embedded.enabled=true} and no primary URL, starts an
 * embedded PostgreSQL primary with replicas, logs where they listen, contributes them as the
 * {@link ReplicationConnectionDetails} and stops them on shutdown.
 */
@AutoConfiguration
@ConditionalOnClass(EmbeddedReplicationCluster.class)
@ConditionalOnBooleanProperty("replication.embedded.enabled")
@ConditionalOnBooleanProperty(name = "replication.enabled", matchIfMissing = true)
@ConditionalOnMissingBean({ DataSource.class, ReplicationConnectionDetails.class })
@Conditional(EmbeddedReplicationClusterAutoConfiguration.NoPrimaryUrlCondition.class)
@EnableConfigurationProperties(ReplicationProperties.class)
public final class EmbeddedReplicationClusterAutoConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedReplicationClusterAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	EmbeddedReplicationCluster embeddedReplicationCluster(ReplicationProperties properties) {
		int replicas = properties.getEmbedded().getReplicas();
		if (replicas < 0) {
			throw new InvalidReplicationConfigurationException("replication.embedded.replicas",
					"must not be negative but was " + replicas,
					"Set 'replication.embedded.replicas' to 0 or more (the default is 2).");
		}
		int port = properties.getEmbedded().getPort();
		if (port < 0 || port + replicas > 65535) {
			throw new InvalidReplicationConfigurationException("replication.embedded.port",
					"leaves no room for the primary and " + replicas + " replicas on ports " + port + " and up",
					"Set 'replication.embedded.port' to a free port below " + (65535 - replicas)
							+ ", or to 0 to pick free ports.");
		}
		EmbeddedReplicationCluster cluster = EmbeddedReplicationCluster.builder()
			.replicas(replicas)
			.port(port)
			// The context closes it, after the DataSource: in-flight requests keep their database
			// through a graceful shutdown.
			.registerShutdownHook(false)
			.start();
		for (ClusterNode node : cluster.nodes()) {
			logger.info("Embedded " + ((node == cluster.primary()) ? "primary" : "replica") + " '" + node.name()
					+ "' listening on " + node.jdbcUrl() + " (user '" + node.username() + "')");
		}
		return cluster;
	}

	@Bean
	@ConditionalOnMissingBean
	ReplicationConnectionDetails embeddedReplicationConnectionDetails(EmbeddedReplicationCluster cluster) {
		ReplicationConnectionDetails.Node primary = node(cluster.primary());
		List<ReplicationConnectionDetails.Node> replicas = cluster.replicas()
			.stream()
			.map(EmbeddedReplicationClusterAutoConfiguration::node)
			.toList();
		return new ReplicationConnectionDetails() {

			@Override
			public Node getPrimary() {
				return primary;
			}

			@Override
			public List<Node> getReplicas() {
				return replicas;
			}

		};
	}

	private static ReplicationConnectionDetails.Node node(ClusterNode node) {
		return new ReplicationConnectionDetails.Node(node.name(), node.jdbcUrl(), node.username(), null);
	}

	static class NoPrimaryUrlCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("replication.primary.url"))
					? ConditionOutcome.noMatch("'replication.primary.url' is set")
					: ConditionOutcome.match("no 'replication.primary.url'");
		}

	}

}
