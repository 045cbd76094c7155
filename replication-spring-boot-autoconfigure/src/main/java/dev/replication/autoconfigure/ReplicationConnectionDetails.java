package dev.replication.autoconfigure;

import java.util.List;

import dev.replication.support.JdbcUrls;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the primary and the replicas are and how to log in to them: the nodes the routing
 * DataSource builds its pools for. Defined by {@code replication.*} properties by default, by
 * the embedded cluster in development, and by any bean of this type a test or platform
 * contributes, as Spring Boot's {@code JdbcConnectionDetails} is.
 */
public interface ReplicationConnectionDetails extends ConnectionDetails {

	/**
	 * Return the primary.
	 */
	Node getPrimary();

	/**
	 * Return the replicas, in load-balancing order; empty if there are none.
	 */
	List<Node> getReplicas();

	/**
	 * One node: its name, JDBC URL and credentials.
	 *
	 * @param name the node's name, unique in the cluster
	 * @param jdbcUrl its JDBC URL
	 * @param username the login username, or {@code null}
	 * @param password the login password, or {@code null}
	 */
	record Node(String name, String jdbcUrl, @Nullable String username, @Nullable String password) {

		@Override
		public String toString() {
			// Never the password, not even one written in the URL.
			return this.name + " (" + JdbcUrls.mask(this.jdbcUrl) + ")";
		}

	}

}
