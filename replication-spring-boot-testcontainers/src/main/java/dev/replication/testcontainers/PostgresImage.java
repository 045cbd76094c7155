package dev.replication.testcontainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Everything this module knows about the {@code postgres} image, and only what its documentation
 * promises: the server binaries on {@code PATH}, a {@code postgres} user, the
 * {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD} and {@code POSTGRES_DB} variables that set up
 * an empty data directory, arguments starting with {@code -} passed to {@code postgres}, and any
 * other command run as given. An image that keeps this contract can replace the official one.
 */
final class PostgresImage {

	/**
	 * The official image this module is tested with.
	 */
	static final DockerImageName DEFAULT = DockerImageName.parse("postgres:17");

	private static final DockerImageName NAME = DockerImageName.parse("postgres");

	static final int PORT = 5432;

	/**
	 * Our own client authentication file, passed with {@code hba_file}: the image's own
	 * {@code pg_hba.conf} lets no other container in for replication.
	 */
	private static final String HBA_FILE = "/tmp/replication-pg_hba.conf";

	private static final String HBA = """
			local all all trust
			host all all all scram-sha-256
			host replication all all scram-sha-256
			""";

	/**
	 * Where a replica keeps its data: a folder any user may create, outside the image's volume,
	 * so that the base backup is the only thing in it.
	 */
	private static final String REPLICA_DATA = "/tmp/replica-data";

	private PostgresImage() {
	}

	/**
	 * Check that {@code image} is {@code postgres} or declared a compatible substitute for it.
	 */
	static DockerImageName check(DockerImageName image) {
		image.assertCompatibleWith(NAME);
		return image;
	}

	/**
	 * Configure {@code container} as the first primary: initialized by the image from
	 * {@code credentials}.
	 */
	static void configurePrimary(GenericContainer<?> container, String name, Credentials credentials) {
		container.withEnv(Map.of("POSTGRES_USER", credentials.username(), "POSTGRES_PASSWORD",
				credentials.password(), "POSTGRES_DB", credentials.database()));
		container.withCopyToContainer(Transferable.of(HBA, 0644), HBA_FILE);
		container.withCommand(serverArguments(name).toArray(String[]::new));
	}

	/**
	 * Configure {@code container} as a replica of the node reachable as {@code primaryHost} on the
	 * containers' network: on its first start a base backup through the replication slot
	 * {@code slot}, which must exist, written with the settings that make it follow; on later
	 * starts its own data.
	 */
	static void configureReplica(GenericContainer<?> container, String name, String primaryHost, String slot,
			Credentials credentials) {
		// libpq reads these: the password never appears in a command line.
		container.withEnv(Map.of("PGUSER", credentials.username(), "PGPASSWORD", credentials.password(),
				"PGAPPNAME", name, "PGDATA", REPLICA_DATA));
		container.withCopyToContainer(Transferable.of(HBA, 0644), HBA_FILE);
		// The server refuses to run as root, and the base backup must belong to the server's user.
		container.withCreateContainerCmdModifier((command) -> command.withUser("postgres"));
		String script = "set -e\n"
				+ "if [ ! -s \"$PGDATA/PG_VERSION\" ]; then\n"
				+ "  pg_basebackup --host=" + primaryHost + " --port=" + PORT + " --no-password --pgdata=\"$PGDATA\""
				+ " --wal-method=stream --checkpoint=fast --write-recovery-conf --slot=" + slot + "\n"
				+ "fi\n"
				+ "exec " + String.join(" ", serverArguments(name).stream().map((argument) -> "'" + argument + "'").toList())
				+ "\n";
		container.withCommand("sh", "-c", script);
	}

	/**
	 * Return the SQL that points a running standby at {@code primaryHost} through {@code slot};
	 * a configuration reload applies it. No password in it: the standby's server has
	 * {@code PGPASSWORD} in its environment, which libpq reads for its WAL receiver too.
	 */
	static List<String> followStatements(String name, String primaryHost, String slot, Credentials credentials) {
		String conninfo = "host=%s port=%d user=%s application_name=%s".formatted(primaryHost, PORT,
				quoteConninfo(credentials.username()), name);
		return List.of("ALTER SYSTEM SET primary_conninfo = " + quoteLiteral(conninfo),
				"ALTER SYSTEM SET primary_slot_name = " + quoteLiteral(slot), "SELECT pg_reload_conf()");
	}

	private static List<String> serverArguments(String name) {
		List<String> arguments = new ArrayList<>();
		arguments.add("postgres");
		// cluster_name shows in every process title and tells a test which node served a query.
		for (String setting : List.of("listen_addresses=*", "hba_file=" + HBA_FILE, "cluster_name=" + name,
				"fsync=off", "wal_level=replica", "max_wal_senders=10", "max_replication_slots=10",
				"hot_standby=on")) {
			arguments.add("-c");
			arguments.add(setting);
		}
		return arguments;
	}

	private static String quoteConninfo(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	private static String quoteLiteral(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/**
	 * The login every node is set up with.
	 */
	record Credentials(String username, String password, String database) {

		@Override
		public String toString() {
			return "Credentials[username=" + this.username + ", database=" + this.database + "]";
		}

	}

}
