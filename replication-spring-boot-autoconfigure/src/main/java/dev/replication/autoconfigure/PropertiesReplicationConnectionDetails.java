package dev.replication.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.StringUtils;

/**
 * {@link ReplicationConnectionDetails} read from {@code replication.primary} and
 * {@code replication.replicas}, checked as they are read: a missing URL fails start-up naming
 * the property. A replica's credentials default to the primary's.
 */
class PropertiesReplicationConnectionDetails implements ReplicationConnectionDetails {

	private final Node primary;

	private final List<Node> replicas;

	PropertiesReplicationConnectionDetails(ReplicationProperties properties) {
		ReplicationProperties.Node primary = properties.getPrimary();
		if (!StringUtils.hasText(primary.getUrl())) {
			throw new InvalidReplicationConfigurationException("replication.primary.url", "is required",
					"Set 'replication.primary.url' to the JDBC URL of the primary, such as "
							+ "jdbc:postgresql://db-primary:5432/app. For development, set "
							+ "'replication.embedded.enabled=true' to start an embedded primary with replicas, "
							+ "or set 'replication.enabled=false' to turn replication routing off.");
		}
		checkPostgresUrl("replication.primary.url", primary.getUrl());
		this.primary = new Node(NodeNames.primary(properties), primary.getUrl(), primary.getUsername(),
				primary.getPassword());
		List<Node> replicas = new ArrayList<>();
		for (int i = 0; i < properties.getReplicas().size(); i++) {
			ReplicationProperties.Replica replica = properties.getReplicas().get(i);
			if (!StringUtils.hasText(replica.getUrl())) {
				String property = "replication.replicas[" + i + "].url";
				throw new InvalidReplicationConfigurationException(property, "is required",
						"Set '" + property + "' to the JDBC URL of the replica, or remove the replica from "
								+ "'replication.replicas'.");
			}
			checkPostgresUrl("replication.replicas[" + i + "].url", replica.getUrl());
			replicas.add(new Node(NodeNames.replica(properties, i), replica.getUrl(),
					(replica.getUsername() != null) ? replica.getUsername() : primary.getUsername(),
					(replica.getPassword() != null) ? replica.getPassword() : primary.getPassword()));
		}
		this.replicas = List.copyOf(replicas);
	}

	private static void checkPostgresUrl(String property, String url) {
		if (!url.startsWith("jdbc:postgresql:")) {
			throw new InvalidReplicationConfigurationException(property, "is not a PostgreSQL JDBC URL",
					"Set '" + property + "' to a URL of the form jdbc:postgresql://host:5432/database.");
		}
	}

	@Override
	public Node getPrimary() {
		return this.primary;
	}

	@Override
	public List<Node> getReplicas() {
		return this.replicas;
	}

}
