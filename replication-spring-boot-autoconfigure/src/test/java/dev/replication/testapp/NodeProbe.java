package dev.replication.testapp;

import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.SharedReplicationCluster;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks the database which server is answering, through the application's routed DataSource.
 */
@Component
public class NodeProbe {

	static final String SQL = "SELECT inet_server_port(), pg_is_in_recovery(), pg_backend_pid()";

	private final JdbcTemplate jdbcTemplate;

	public NodeProbe(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	public ServedBy probe() {
		return this.jdbcTemplate.queryForObject(SQL,
				(rs, row) -> new ServedBy(nodeName(rs.getInt(1)), rs.getInt(1), rs.getBoolean(2), rs.getInt(3)));
	}

	/**
	 * Return the name of the shared cluster's node that listens on {@code port}.
	 */
	public static String nodeName(int port) {
		return SharedReplicationCluster.get()
			.nodes()
			.stream()
			.filter((node) -> node.port() == port)
			.map(ClusterNode::name)
			.findFirst()
			.orElse("port " + port);
	}

}
