package dev.replication.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Makes standbys of a primary and points them at it: a replication slot on the primary for
 * each, a base backup, {@code standby.signal}, and the settings they follow it with.
 */
final class Standbys {

	private Standbys() {
	}

	/**
	 * Turn the empty data directories of {@code replicas} into standbys of {@code primary}, ready
	 * to start.
	 */
	static void create(ClusterNode primary, List<ClusterNode> replicas) {
		try (Connection connection = primary.connect()) {
			for (ClusterNode replica : replicas) {
				// Before the backup starts, so that the primary keeps the WAL the standby will ask for.
				createSlot(connection, replica);
			}
			BaseBackup.copy(connection, primary.dataDirectory(),
					replicas.stream().map(ClusterNode::dataDirectory).toList());
			for (ClusterNode replica : replicas) {
				Files.writeString(replica.dataDirectory().resolve("standby.signal"), "");
				writeFollowSettings(primary, replica);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare replicas of " + primary.name(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Point the standby {@code follower}, running or not, at {@code primary}.
	 */
	static void follow(ClusterNode primary, ClusterNode follower) {
		try (Connection connection = primary.connect()) {
			createSlot(connection, follower);
			writeFollowSettings(primary, follower);
			if (follower.isRunning()) {
				NodeSql.execute(follower, "SELECT pg_reload_conf()");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not point " + follower.name() + " at " + primary.name(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void createSlot(Connection primary, ClusterNode replica) throws SQLException {
		try (PreparedStatement statement = primary.prepareStatement("SELECT pg_create_physical_replication_slot(?, true) "
				+ "WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = ?)")) {
			statement.setString(1, replica.slotName());
			statement.setString(2, replica.slotName());
			statement.execute();
		}
	}

	/**
	 * Write the settings a standby follows its primary with into {@code postgresql.auto.conf}, the
	 * file that overrides {@code postgresql.conf} and that a reload re-reads.
	 */
	private static void writeFollowSettings(ClusterNode primary, ClusterNode replica) throws IOException {
		String settings = "primary_conninfo = 'host=127.0.0.1 port=%d user=%s application_name=%s connect_timeout=2'\n"
			.formatted(primary.port(), PgCtl.SUPERUSER, replica.name())
				+ "primary_slot_name = '" + replica.slotName() + "'\n";
		Files.writeString(replica.dataDirectory().resolve("postgresql.auto.conf"), settings, StandardCharsets.UTF_8);
	}

}
