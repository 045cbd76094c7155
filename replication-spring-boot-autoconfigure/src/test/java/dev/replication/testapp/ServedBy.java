package dev.replication.testapp;

/**
 * Which server answered a probe query: its port, whether it is in recovery (a replica) and the
 * backend process that ran the query.
 *
 * @param node the node name, by port
 * @param port the server port ({@code inet_server_port()})
 * @param inRecovery {@code pg_is_in_recovery()}
 * @param backendPid {@code pg_backend_pid()}
 */
public record ServedBy(String node, int port, boolean inRecovery, int backendPid) {

	public boolean isReplica() {
		return this.inRecovery;
	}

	public boolean isPrimary() {
		return !this.inRecovery;
	}

}
