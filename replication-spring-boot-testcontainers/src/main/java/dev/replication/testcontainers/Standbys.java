package dev.replication.testcontainers;

import java.time.Duration;
import java.util.List;

/**
 * What the container set does to its standbys through SQL: slots on the primary, replay paused
 * and awaited, a promotion and the standbys pointed at the new primary.
 */
final class Standbys {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private Standbys() {
	}

	/**
	 * Create the replication slot of {@code replica} on {@code primary}, reserving WAL at once,
	 * unless it exists.
	 */
	static void createSlot(ContainerNode primary, ContainerNode replica) {
		NodeSql.execute(primary, "SELECT pg_create_physical_replication_slot('" + replica.slotName()
				+ "', true) WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = '"
				+ replica.slotName() + "')");
	}

	static void pauseReplay(ContainerNode replica) {
		NodeSql.execute(replica, "SELECT pg_wal_replay_pause()");
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!NodeSql.queryBoolean(replica, "SELECT pg_get_wal_replay_pause_state() = 'paused'")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(replica.name() + " - replay not paused within " + TIMEOUT);
			}
			NodeSql.sleep(10);
		}
	}

	static void resumeReplay(ContainerNode replica) {
		NodeSql.execute(replica, "SELECT pg_wal_replay_resume()");
	}

	/**
	 * Wait until each running node of {@code replicas} has replayed the current WAL position of
	 * {@code primary}.
	 */
	static void awaitReplayed(ContainerNode primary, List<ContainerNode> replicas) {
		String target = NodeSql.queryString(primary, "SELECT pg_current_wal_lsn()::text");
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		for (ContainerNode replica : replicas) {
			while (replica.isRunning()
					&& !NodeSql.queryBoolean(replica, "SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn")) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(replica.name() + " has not replayed " + target + " within "
							+ TIMEOUT + " (is its replay paused?)");
				}
				NodeSql.sleep(10);
			}
		}
	}

	/**
	 * Promote {@code replica} and wait until it accepts writes.
	 */
	static void promote(ContainerNode replica) {
		if (!NodeSql.queryBoolean(replica, "SELECT pg_promote(true, 60)")) {
			throw new IllegalStateException(replica.name() + " was not promoted within 60 seconds");
		}
	}

	/**
	 * Point the running standby {@code follower} at {@code primary}, through a slot of its own
	 * there; it follows the new timeline without a restart.
	 */
	static void follow(ContainerNode primary, ContainerNode follower) {
		createSlot(primary, follower);
		NodeSql.execute(follower, PostgresImage
			.followStatements(follower.name(), primary.name(), follower.slotName(), follower.credentials())
			.toArray(String[]::new));
	}

}
