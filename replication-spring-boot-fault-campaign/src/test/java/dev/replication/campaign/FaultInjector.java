package dev.replication.campaign;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.replication.embedded.ClusterNode;
import dev.replication.embedded.EmbeddedReplicationCluster;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Injects a seeded random sequence of faults into an embedded cluster, one at a time, each undone
 * before the next: replicas killed and restarted, replay paused and resumed, and the primary
 * killed, the most advanced replica promoted (the others follow it) and the old primary rebuilt
 * as a replica. Every kind comes up once in the first three faults.
 *
 * <p>One fault at a time keeps a standby streaming throughout, so that with a synchronous standby
 * commits never wait for one that cannot come; pausing replay does not hold commits back
 * ({@code synchronous_commit = on} waits for the standby's flush, not its replay).
 */
final class FaultInjector implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(FaultInjector.class);

	private final EmbeddedReplicationCluster cluster;

	private final FaultLog log;

	private final Random random;

	private final long end;

	private final Thread thread;

	private volatile boolean stopped;

	private volatile Throwable failure;

	FaultInjector(EmbeddedReplicationCluster cluster, FaultLog log, long seed, Duration duration) {
		this.cluster = cluster;
		this.log = log;
		this.random = new Random(seed);
		this.end = System.nanoTime() + duration.toNanos();
		this.thread = new Thread(this::run, "campaign-faults");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Wait for the last fault to be undone, at most {@code timeout}.
	 * @throws IllegalStateException if the injector failed or did not finish in time
	 */
	void await(Duration timeout) throws InterruptedException {
		this.thread.join(timeout.toMillis());
		if (this.thread.isAlive()) {
			throw new IllegalStateException("The fault injector did not finish within " + timeout);
		}
		if (this.failure != null) {
			throw new IllegalStateException("The fault injector failed", this.failure);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.stopped = true;
		this.thread.join(TimeUnit.MINUTES.toMillis(2));
	}

	private void run() {
		try {
			List<FaultLog.Kind> firstRound = new ArrayList<>(List.of(FaultLog.Kind.values()));
			Collections.shuffle(firstRound, this.random);
			int injected = 0;
			// The first round runs to its end however short the campaign: each kind of fault at least once.
			while (!this.stopped && (injected < firstRound.size() || System.nanoTime() < this.end)) {
				sleep(between(500, 1500));
				FaultLog.Kind kind = (injected < firstRound.size()) ? firstRound.get(injected) : pick();
				injected++;
				switch (kind) {
					case REPLICA_KILL -> killReplica();
					case REPLAY_PAUSE -> pauseReplay();
					case PRIMARY_FAILOVER -> failOver();
				}
			}
		}
		catch (Throwable ex) {
			this.failure = ex;
			logger.error("Fault injector failed", ex);
		}
	}

	private FaultLog.Kind pick() {
		int roll = this.random.nextInt(10);
		return (roll < 2) ? FaultLog.Kind.PRIMARY_FAILOVER
				: (roll < 6) ? FaultLog.Kind.REPLICA_KILL : FaultLog.Kind.REPLAY_PAUSE;
	}

	private void killReplica() {
		ClusterNode replica = anyReplica();
		long hold = between(500, 3000);
		long injected = System.nanoTime();
		this.cluster.stop(replica);
		sleep(hold);
		this.cluster.start(replica);
		long healed = System.nanoTime();
		this.log.recovery(new FaultLog.Recovery(replica.name(), "restarted", healed, caughtUp(replica)));
		this.log.fault(new FaultLog.Fault(FaultLog.Kind.REPLICA_KILL, replica.name(), injected, healed));
	}

	private void pauseReplay() {
		ClusterNode replica = anyReplica();
		long hold = between(500, 3000);
		long injected = System.nanoTime();
		this.cluster.pauseReplay(replica);
		sleep(hold);
		this.cluster.resumeReplay(replica);
		long healed = System.nanoTime();
		this.log.recovery(new FaultLog.Recovery(replica.name(), "replay resumed", healed, caughtUp(replica)));
		this.log.fault(new FaultLog.Fault(FaultLog.Kind.REPLAY_PAUSE, replica.name(), injected, healed));
	}

	private void failOver() {
		ClusterNode former = this.cluster.primary();
		long outage = between(200, 1500);
		long rejoin = between(1000, 2000);
		long injected = System.nanoTime();
		this.cluster.stop(former);
		this.log.primary(null);
		sleep(outage);
		// What a failover tool does: the standby that received the most WAL holds every commit a
		// synchronous standby acknowledged.
		ClusterNode promoted = mostAdvanced(this.cluster.replicas());
		// Before the promotion: the promoted node may take a write as soon as pg_promote returns.
		this.log.primary(promoted.name());
		this.cluster.promote(promoted);
		this.log.promotion(new FaultLog.Promotion(promoted.name(), former.name(), System.nanoTime()));
		sleep(rejoin);
		this.cluster.rebuildAsReplica(former);
		long healed = System.nanoTime();
		this.log.recovery(new FaultLog.Recovery(former.name(), "rebuilt as a replica", healed, caughtUp(former)));
		this.log.fault(new FaultLog.Fault(FaultLog.Kind.PRIMARY_FAILOVER, former.name() + " -> " + promoted.name(),
				injected, healed));
	}

	/**
	 * Wait until {@code replica} has replayed the primary's WAL as of now, and return when it had: a
	 * replica restarted after much writing replays for seconds from its last restart point.
	 */
	private long caughtUp(ClusterNode replica) {
		long target = position(this.cluster.primary(), "pg_current_wal_lsn()");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (position(replica, "pg_last_wal_replay_lsn()") < target) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(replica.name() + " did not catch up within 60 s");
			}
			sleep(10);
		}
		return System.nanoTime();
	}

	private ClusterNode anyReplica() {
		List<ClusterNode> replicas = this.cluster.replicas();
		return replicas.get(this.random.nextInt(replicas.size()));
	}

	private static ClusterNode mostAdvanced(List<ClusterNode> replicas) {
		ClusterNode best = null;
		long bestPosition = Long.MIN_VALUE;
		for (ClusterNode replica : replicas) {
			long position = receivedPosition(replica);
			if (position > bestPosition) {
				best = replica;
				bestPosition = position;
			}
		}
		return best;
	}

	private static long receivedPosition(ClusterNode replica) {
		return position(replica, "GREATEST(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())");
	}

	private static long position(ClusterNode node, String lsn) {
		try (Connection connection = node.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT (" + lsn + " - '0/0'::pg_lsn)::bigint")) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(node.name() + " - could not read its WAL position", ex);
		}
	}

	private long between(int minMillis, int maxMillis) {
		return minMillis + this.random.nextInt(maxMillis - minMillis + 1);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
