package dev.replication.health;

/**
 * PostgreSQL WAL positions ({@code pg_lsn}, written {@code 16/B374D848}) as numbers of bytes.
 */
final class Lsn {

	private Lsn() {
	}

	static long parse(String lsn) {
		if (lsn == null) {
			return 0;
		}
		int slash = lsn.indexOf('/');
		return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
	}

}
