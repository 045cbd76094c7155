package dev.replication.campaign;

/**
 * What the server that ran a campaign statement said of itself, in that very statement.
 *
 * @param port {@code inet_server_port()}
 * @param inRecovery {@code pg_is_in_recovery()}
 * @param found whether the row asked for was there (always {@code true} for a write)
 */
record Served(int port, boolean inRecovery, boolean found) {

	static final String READ_SQL = "SELECT inet_server_port(), pg_is_in_recovery(), "
			+ "EXISTS (SELECT 1 FROM campaign_write WHERE id = ?)";

}
