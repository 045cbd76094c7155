package dev.replication.testcontainers;

import java.util.List;

import dev.replication.autoconfigure.ReplicationConnectionDetails;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Supplies {@link ReplicationConnectionDetails} for a {@link ReplicatedPostgreSQLContainers}
 * declared with {@code @ServiceConnection}: the primary and the replicas, by the names the
 * container set gives them. Registered in {@code META-INF/spring.factories}, as Spring Boot's own
 * connection details factories are.
 */
class ReplicatedPostgreSQLContainersConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<ReplicatedPostgreSQLContainers, ReplicationConnectionDetails> {

	@Override
	protected ReplicationConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<ReplicatedPostgreSQLContainers> source) {
		return new ReplicatedPostgreSQLContainersConnectionDetails(source);
	}

	/**
	 * The nodes of the started container set. Read when the routing builds its pools, which
	 * starts the containers if the test has not.
	 */
	static final class ReplicatedPostgreSQLContainersConnectionDetails
			extends ContainerConnectionDetails<ReplicatedPostgreSQLContainers> implements ReplicationConnectionDetails {

		ReplicatedPostgreSQLContainersConnectionDetails(ContainerConnectionSource<ReplicatedPostgreSQLContainers> source) {
			super(source);
		}

		@Override
		public Node getPrimary() {
			return node(getContainer().getNodeNames().get(0));
		}

		@Override
		public List<Node> getReplicas() {
			List<String> names = getContainer().getNodeNames();
			return names.subList(1, names.size()).stream().map(this::node).toList();
		}

		private Node node(String name) {
			ReplicatedPostgreSQLContainers containers = getContainer();
			return new Node(name, containers.getJdbcUrl(name), containers.getUsername(), containers.getPassword());
		}

	}

}
