package dev.replication.embedded;

import java.nio.file.Path;

/**
 * The {@code postgresql.conf} settings every node of an embedded cluster shares: replicas inherit
 * them through the base backup.
 */
final class ServerSettings {

	private ServerSettings() {
	}

	static String forCluster(Path socketDirectory) {
		return """

				# replication-spring-boot embedded cluster
				listen_addresses = '127.0.0.1'
				unix_socket_directories = '%s'
				max_connections = 200
				shared_buffers = 32MB
				# The cluster is thrown away: surviving an OS crash is not needed, speed is.
				fsync = off
				# zonky's default is off, which delays what replicas see by up to ~200 ms.
				synchronous_commit = on
				wal_level = replica
				max_wal_senders = 10
				max_replication_slots = 10
				hot_standby = on
				# Retry a lost or re-pointed primary quickly (the default is 5 s).
				wal_retrieve_retry_interval = 100ms
				wal_receiver_status_interval = 1s
				timezone = 'UTC'
				""".formatted(socketDirectory.toString().replace("'", "''"));
	}

}
