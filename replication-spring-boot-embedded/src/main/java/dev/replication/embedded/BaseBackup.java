package dev.replication.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Takes an online base backup of a running primary with the low-level backup API
 * ({@code pg_backup_start} / {@code pg_backup_stop}) over JDBC and a file copy: the zonky bundle
 * has no {@code pg_basebackup}.
 *
 * <p>Like {@code pg_basebackup}, the copy leaves out {@code pg_wal} and the server's runtime
 * files: a standby made from it streams the WAL it needs through its replication slot, which
 * must exist before the backup starts so that the primary keeps that WAL.
 */
final class BaseBackup {

	private static final Set<String> EXCLUDED_CONTENTS = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp",
			"pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

	private static final Set<String> EXCLUDED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"tablespace_map", "standby.signal", "recovery.signal", "postgresql.auto.conf");

	private BaseBackup() {
	}

	/**
	 * Copy the data directory of the primary behind {@code connection} into each of the
	 * {@code targets}, which must not exist yet.
	 */
	static void copy(Connection connection, Path primaryDataDirectory, List<Path> targets) {
		try {
			// The backup is non-exclusive: it lasts as long as this session, so one connection does both calls.
			try (PreparedStatement start = connection.prepareStatement("SELECT pg_backup_start(?, true)")) {
				start.setString(1, "replication-spring-boot");
				start.execute();
			}
			for (Path target : targets) {
				FileTrees.copy(primaryDataDirectory, target, BaseBackup::isExcluded);
			}
			try (Statement stop = connection.createStatement();
					ResultSet result = stop.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
				result.next();
				for (Path target : targets) {
					Files.writeString(target.resolve("backup_label"), result.getString(1), StandardCharsets.UTF_8);
					String tablespaceMap = result.getString(2);
					if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
						Files.writeString(target.resolve("tablespace_map"), tablespaceMap, StandardCharsets.UTF_8);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Base backup of the primary failed", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Base backup of the primary failed", ex);
		}
	}

	private static boolean isExcluded(Path relative) {
		if (relative.getNameCount() == 1) {
			String name = relative.toString();
			return EXCLUDED_FILES.contains(name) || EXCLUDED_CONTENTS.contains(name);
		}
		return relative.getFileName().toString().equals("pg_internal.init");
	}

}
