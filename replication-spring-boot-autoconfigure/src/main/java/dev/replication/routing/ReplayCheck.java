package dev.replication.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Asks a replica, on the connection just taken from its pool, whether it has replayed the
 * current caller's token, for a read the health monitor's cached positions could not place, and
 * may wait for it up to {@code replication.read-your-writes.max-wait}, polling.
 */
final class ReplayCheck {

	private static final long MAX_POLL_MILLIS = 10;

	private final ReplicationRouter router;

	private final long maxWaitNanos;

	private final ReadYourWritesStats stats;

	ReplayCheck(ReplicationRouter router, Duration maxWait) {
		this.router = router;
		this.maxWaitNanos = maxWait.toNanos();
		this.stats = router.readYourWritesStats();
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
		this.stats.replayChecks.increment();
		if (WalPositions.query(connection, WalPositions.REPLAYED) >= required) {
			this.stats.replicaReads.increment();
			return decision.replayed;
		}
		if (wait && this.maxWaitNanos > 0 && await(connection, required)) {
			this.stats.replicaReads.increment();
			return decision.waited;
		}
		return null;
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
				if (WalPositions.query(connection, WalPositions.REPLAYED) >= required) {
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

}
