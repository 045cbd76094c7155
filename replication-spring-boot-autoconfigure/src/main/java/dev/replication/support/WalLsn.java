package dev.replication.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL WAL positions ({@code pg_lsn}, written {@code 16/B374D848}) as numbers of bytes, and
 * the primary's insert position made comparable with what standbys replay.
 *
 * <p>{@code pg_current_wal_insert_lsn()} covers every record inserted, so every commit returned,
 * whatever {@code synchronous_commit} says. But when the last record ends on a page boundary it
 * points past the next page's header (24 bytes, 40 at the start of a segment), where a standby's
 * replay position stops at the boundary itself: taken as it is, an idle primary would keep every
 * standby 24 or 40 bytes behind for good. {@link #endOfLastRecord} moves such a position back to
 * the boundary, which is where the last record ends.
 */
public final class WalLsn {

	/**
	 * The primary's insert position, and the WAL's segment and page sizes to read it with.
	 */
	public static final String INSERTED = "SELECT pg_current_wal_insert_lsn()::text, "
			+ "pg_size_bytes(current_setting('wal_segment_size')), current_setting('wal_block_size')::int";

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
	 * Return where the last record inserted ends, given the insert position {@code inserted}
	 * read with the WAL's {@code segmentSize} and {@code pageSize}: the same position unless it
	 * stands just past a page header.
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
	 * Run {@link #INSERTED} on {@code connection} to the primary and return where its last record
	 * inserted ends.
	 */
	public static long queryEndOfLastRecord(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(INSERTED)) {
			result.next();
			return endOfLastRecord(parse(result.getString(1)), result.getLong(2), result.getLong(3));
		}
	}

}
