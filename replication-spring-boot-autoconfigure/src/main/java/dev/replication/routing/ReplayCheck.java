package dev.replication.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Asks replicas, on connections just taken from their pools, whether they have replayed the
 * current caller's token, for a read the health monitor's cached positions could not place, and
 * may wait for one up to {@code replication.read-your-writes.max-wait}, polling; otherwise sends
 * the read to the primary.
 */
final class ReplayCheck {

	private static final long MAX_POLL_MILLIS = 10;

	private final ReplicationRoutingDataSource dataSource;

	private final ReplicationRouter router;

	private final long maxWaitNanos;

	private final ReadYourWritesStats stats;

	ReplayCheck(ReplicationRoutingDataSource dataSource, Duration maxWait) {
		this.dataSource = dataSource;
		this.router = dataSource.getRouter();
		this.maxWaitNanos = maxWait.toNanos();
		this.stats = this.router.readYourWritesStats();
	}

	/**
	 * Take a connection to the replica of {@code decision}, which asks to check replay, and ask it
	 * whether it has replayed the caller's token; if not, ask each other readable replica in turn,
	 * and wait (up to the longest wait allowed) on the last one asked. Return the first far enough,
	 * ready for the caller, with the decision it follows; or, when the read must go to the primary,
	 * only that decision, so that a failure to reach the primary is the primary's. A failure of the
	 * first replica is thrown, for the caller's fail-over; one of a replica asked after it only
	 * takes that replica out of the asking.
	 */
	Checked open(RoutingDecision decision) throws SQLException {
		if (this.router.requiredPosition() == ReplicationRouter.UNPLACED && !placeToken()) {
			return new Checked(null, this.router.notReplayed());
		}
		int replicas = this.router.readableReplicas();
		RoutingDecision asking = decision;
		for (int asked = 1; asking != null; asked++) {
			boolean last = asked >= replicas;
			Connection connection = null;
			try {
				connection = this.dataSource.node(asking).getConnection();
				RoutingDecision followed = check(asking, connection, last);
				if (followed != null) {
					return new Checked(this.dataSource.prepare(followed, connection), followed);
				}
				connection.close();
			}
			catch (SQLException | RuntimeException ex) {
				closeAfterFailure(connection, ex);
				if (asked == 1) {
					throw ex;
				}
				this.dataSource.nodeFailed(asking.node(), ex);
			}
			asking = last ? null : this.router.nextToCheck(asking);
		}
		return new Checked(null, this.router.notReplayed());
	}

	/**
	 * Return the decision to follow for {@code decision}, which asks to check replay, now that
	 * {@code connection} to its replica is open: the replica's own decision if it has replayed the
	 * caller's token (after waiting up to the longest wait allowed, if {@code wait}), else
	 * {@code null}.
	 */
	@Nullable RoutingDecision check(RoutingDecision decision, Connection connection, boolean wait)
			throws SQLException {
		long required = this.router.requiredPosition();
		if (required == ReplicationRouter.UNPLACED) {
			// Another write of the caller returned since its token was placed: no replica can be
			// known to have it, and waiting would not tell.
			return null;
		}
		this.stats.replayChecks.increment();
		if (WalPositions.replayed(connection) >= required) {
			this.stats.replicaReads.increment();
			return decision.replayed;
		}
		if (wait && this.maxWaitNanos > 0 && await(connection, required)) {
			this.stats.replicaReads.increment();
			return decision.waited;
		}
		return null;
	}

	/**
	 * Place the caller's token, whose last write no position read since covers, with the
	 * primary's position read now: one query on a connection of the primary's pool, the price of
	 * a read made right after a write (before the health monitor's next check would place it for
	 * free). Return whether it is placed; if not (the primary cannot be reached, or another write
	 * returned meanwhile), the read goes to the primary.
	 */
	private boolean placeToken() {
		String primary = this.router.primary();
		DataSource pool = (primary != null) ? this.dataSource.getNode(primary) : null;
		if (pool == null) {
			return false;
		}
		long readAt = System.nanoTime();
		this.router.countPositionQuery();
		try (Connection connection = pool.getConnection()) {
			this.router.primaryRead(WalPositions.covering(connection), readAt);
		}
		catch (SQLException | RuntimeException ex) {
			// The read then goes to the primary, whose own failure is then reported.
			return false;
		}
		return this.router.requiredPosition() != ReplicationRouter.UNPLACED;
	}

	private static void closeAfterFailure(@Nullable Connection connection, Exception failure) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				failure.addSuppressed(ex);
			}
		}
	}

	private boolean await(Connection connection, long required) throws SQLException {
		long start = System.nanoTime();
		long pause = 1;
		try {
			while (true) {
				long remainingMillis = (this.maxWaitNanos - (System.nanoTime() - start)) / 1_000_000;
				if (remainingMillis <= 0) {
					return false;
				}
				Thread.sleep(Math.min(pause, remainingMillis));
				pause = Math.min(pause * 2, MAX_POLL_MILLIS);
				if (WalPositions.replayed(connection) >= required) {
					this.stats.waits.increment();
					return true;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.stats.waitNanos.add(System.nanoTime() - start);
		}
	}

	/**
	 * A connection taken after checking a replica's replay (or {@code null} when the read goes to
	 * the primary), and the decision it follows.
	 */
	record Checked(@Nullable Connection connection, RoutingDecision decision) {
	}

}
