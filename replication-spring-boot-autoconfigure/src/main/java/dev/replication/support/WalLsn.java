package dev.replication.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL WAL positions ({@code pg_lsn}, written {@code 16/B374D848}) as numbers of bytes, and
 * the primary's position that covers every commit returned.
 *
 * <p>With {@code synchronous_commit} on (PostgreSQL's default, and any value but {@code off}) a
 * commit returns once its WAL is flushed, so the primary's flush position covers it, and it is as
 * far as a standby can replay: a standby asked right after can have it. With {@code off} a commit
 * returns before; only the insert position covers it, at the price of WAL not flushed yet (a
 * standby reaches it once the WAL writer flushes, within {@code wal_writer_delay}). {@link #COVERING}
 * picks between them by the session's setting, which is the database's or role's for the starter's
 * connections. The insert position points past the next page's header when the last record ends on
 * a page boundary (24 bytes, 40 at the start of a segment), where a standby's replay position stops
 * at the boundary itself: {@link #endOfLastRecord} moves it back to the boundary.
 */
public final class WalLsn {

	/**
	 * A position of the primary that covers every commit returned (see above), as a
	 * {@code pg_lsn}.
	 */
	public static final String COVERING = "(CASE WHEN current_setting('synchronous_commit') = 'off' "
			+ "THEN pg_current_wal_insert_lsn() ELSE pg_current_wal_flush_lsn() END)";

	/**
	 * The WAL's segment and page sizes, to read a position with {@link #endOfLastRecord}.
	 */
	public static final String LAYOUT = "pg_size_bytes(current_setting('wal_segment_size')), "
			+ "current_setting('wal_block_size')::int";

	/**
	 * The primary's position that covers every commit returned, and the WAL's layout.
	 */
	public static final String COVERING_QUERY = "SELECT " + COVERING + "::text, " + LAYOUT;

	/** The size of a page header (64-bit builds). */
	private static final long SHORT_PAGE_HEADER = 24;

	/** The size of the header of a segment's first page (64-bit builds). */
	private static final long LONG_PAGE_HEADER = 40;

	private WalLsn() {
	}

	/**
	 * Return {@code lsn} ({@code 16/B374D848}) as a number of bytes, 0 for {@code null}.
	 * @throws IllegalArgumentException if it is not a WAL position
	 */
	public static long parse(String lsn) {
		if (lsn == null) {
			return 0;
		}
		int slash = lsn.indexOf('/');
		if (slash <= 0 || slash == lsn.length() - 1) {
			throw new IllegalArgumentException("Not a WAL position: [" + lsn + "]");
		}
		return (Long.parseLong(lsn, 0, slash, 16) << 32) | Long.parseLong(lsn, slash + 1, lsn.length(), 16);
	}

	/**
	 * Return where the last record ends, given the position {@code inserted} read with the WAL's
	 * {@code segmentSize} and {@code pageSize}: the same position unless it stands just past a
	 * page header (only an insert position can).
	 */
	public static long endOfLastRecord(long inserted, long segmentSize, long pageSize) {
		if (segmentSize <= 0 || pageSize <= 0) {
			return inserted;
		}
		long inSegment = inserted % segmentSize;
		if (inSegment < pageSize) {
			// A segment's first page has the long header.
			return (inSegment == LONG_PAGE_HEADER) ? inserted - LONG_PAGE_HEADER : inserted;
		}
		return (inserted % pageSize == SHORT_PAGE_HEADER) ? inserted - SHORT_PAGE_HEADER : inserted;
	}

	/**
	 * Run {@link #COVERING_QUERY} on {@code connection} to the primary and return a position that
	 * covers every commit returned before it was sent.
	 */
	public static long queryCovering(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(COVERING_QUERY)) {
			result.next();
			return endOfLastRecord(parse(result.getString(1)), result.getLong(2), result.getLong(3));
		}
	}

}
