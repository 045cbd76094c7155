package dev.replication.webapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;

/**
 * Reads, on every node of a cluster, how many table scans ({@code seq_scan + idx_scan} of
 * {@code pg_stat_user_tables}) the application's tables have seen: the database's own account of
 * which node did the work. A standby counts the scans of the queries run on it, the primary its
 * own; replay does not copy counters.
 *
 * <p>PostgreSQL 15+ counts in each backend and flushes to shared memory when the backend goes idle,
 * at most once a second; what is left pending is flushed by an idle timer ten seconds later
 * ({@code PGSTAT_IDLE_INTERVAL}), and {@code pg_stat_force_next_flush()} only flushes the calling
 * backend, never the application's pooled connections. So a reading is only trusted once no
 * counter has moved for longer than that timer (with room for a loaded machine): {@link #settled()}.
 */
final class TableScans {

	private static final Duration QUIET = Duration.ofSeconds(12);

	private static final Duration POLL = Duration.ofMillis(250);

	private static final Duration LIMIT = Duration.ofSeconds(60);

	private static final String SQL = "SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0)"
			+ " FROM pg_stat_user_tables WHERE relname = ANY (?)";

	private final EmbeddedReplicationCluster cluster;

	private final String[] tables;

	TableScans(EmbeddedReplicationCluster cluster, List<String> tables) {
		this.cluster = cluster;
		this.tables = tables.toArray(String[]::new);
	}

	/**
	 * Return each node's count once no counter has moved for {@link #QUIET}, so that every
	 * backend's pending counts have been flushed.
	 */
	Map<String, Long> settled() throws SQLException, InterruptedException {
		long start = System.nanoTime();
		Map<String, Long> last = read();
		long lastChange = start;
		while (System.nanoTime() - lastChange < QUIET.toNanos()) {
			if (System.nanoTime() - start > LIMIT.toNanos()) {
				throw new IllegalStateException("Table-scan counters still moving after " + LIMIT + ": " + last);
			}
			Thread.sleep(POLL.toMillis());
			Map<String, Long> now = read();
			if (!now.equals(last)) {
				last = now;
				lastChange = System.nanoTime();
			}
		}
		System.out.printf("MEASURED table-scan counters settled: last change seen %d ms after the first reading %s%n",
				Duration.ofNanos(lastChange - start).toMillis(), last);
		return last;
	}

	/**
	 * Return each node's count as the statistics show it now.
	 */
	Map<String, Long> read() throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (ClusterNode node : this.cluster.nodes()) {
			counts.put(node.name(), read(node));
		}
		return counts;
	}

	private long read(ClusterNode node) throws SQLException {
		try (Connection connection = node.dataSource().getConnection()) {
			// A new connection in auto-commit: a fresh statistics snapshot, never a cached one.
			try (PreparedStatement statement = connection.prepareStatement(SQL)) {
				statement.setArray(1, connection.createArrayOf("text", this.tables));
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
		}
	}

}
