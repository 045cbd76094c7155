package dev.replication.health;

import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import dev.replication.support.JdbcUrls;
import org.jspecify.annotations.Nullable;

/**
 * The health state of one node: up or down with hysteresis (down after a number of failed checks
 * in a row, or at once when a connection to it fails; up again after a number of good checks in
 * a row), its role, timeline and replication lag. A standby serves reads only once its lag is
 * known to be within the limits: lag that cannot be known yet is not zero. Each change is logged
 * once, with the node's name. Guarded by the monitor's lock.
 */
final class NodeHealth {

	private static final Log logger = LogFactory.getLog(NodeHealth.class);

	private final String name;

	private final HealthSettings settings;

	private NodeRole role;

	private boolean up = true;

	/** Within the lag limits, as far as is known: false until the lag is known. */
	private boolean withinLag;

	private boolean lagKnown;

	private long timeline;

	private int failures;

	private int successes;

	private long position;

	private long lagBytes = -1;

	private @Nullable Duration lag;

	private @Nullable String lastError;

	private @Nullable Instant lastCheck;

	NodeHealth(String name, NodeRole expectedRole, HealthSettings settings) {
		this.name = name;
		this.role = expectedRole;
		this.settings = settings;
	}

	String name() {
		return this.name;
	}

	/**
	 * Record a good check, and return {@code false}: a good check never takes a node down.
	 */
	boolean checked(NodeCheck.Result result) {
		this.lastCheck = Instant.now();
		this.failures = 0;
		this.successes++;
		this.position = result.lsn();
		this.timeline = result.timeline();
		NodeRole role = result.inRecovery() ? NodeRole.STANDBY : NodeRole.PRIMARY;
		if (role != this.role) {
			logger.info(this.name + " - now reports being " + ((role == NodeRole.PRIMARY) ? "a primary" : "a standby")
					+ " (pg_is_in_recovery() = " + result.inRecovery() + ")");
			this.role = role;
		}
		if (!this.up && this.successes >= this.settings.recoveryThreshold()) {
			this.up = true;
			logger.info(this.name + " - back up after " + this.successes + " good checks");
		}
		return false;
	}

	/**
	 * Record a check that failed on its own connection for a reason that does not say the node is
	 * down ({@code checkFailure}), and then succeeded over one of the application's connections:
	 * a good check, with the check's own trouble kept as the last error. Return {@code false}.
	 */
	boolean checkedOverThePool(NodeCheck.Result result, Throwable checkFailure) {
		this.lastError = describe(checkFailure) + " (health check connection only; the application's connections work)";
		return checked(result);
	}

	/**
	 * Record a failed check, and return whether it took the node down.
	 */
	boolean failed(Throwable failure) {
		this.lastCheck = Instant.now();
		this.lastError = describe(failure);
		this.successes = 0;
		this.failures++;
		if (this.up && this.failures >= this.settings.failureThreshold()) {
			this.up = false;
			logger.warn(this.name + " - marked down after " + this.failures + " failed checks: " + this.lastError);
			return true;
		}
		return false;
	}

	/**
	 * Record that a connection to the node failed, and return whether that took it down.
	 */
	boolean connectionFailed(Throwable failure) {
		this.lastError = describe(failure);
		this.successes = 0;
		if (this.up) {
			this.up = false;
			logger.warn(this.name + " - marked down, a connection to it failed: " + this.lastError);
			return true;
		}
		return false;
	}

	/**
	 * Update the lag of this standby behind a primary at {@code primaryPosition}, for which
	 * {@code behindNanos} is how long the primary has had WAL this standby has not replayed.
	 * Unless {@code timeKnown}, that is only a lower bound (the primary's history does not go back
	 * far enough): then the standby stays out of rotation until it has replayed everything the
	 * history holds.
	 */
	void lagBehind(long primaryPosition, long behindNanos, boolean timeKnown) {
		this.lagBytes = Math.max(0, primaryPosition - this.position);
		this.lag = Duration.ofNanos((this.lagBytes == 0) ? 0 : behindNanos);
		boolean known = timeKnown || this.lagBytes == 0;
		boolean within = known && this.lag.compareTo(this.settings.maxLag()) <= 0
				&& (this.settings.maxLagBytes() < 0 || this.lagBytes <= this.settings.maxLagBytes());
		if (within != this.withinLag || known != this.lagKnown) {
			if (within) {
				logger.info(this.name + " - caught up (" + this.lagBytes + " bytes, " + this.lag.toMillis()
						+ " ms behind), in rotation");
			}
			else if (!known) {
				logger.warn(this.name + " - " + this.lagBytes + " bytes behind the primary, since before its "
						+ "positions were first seen: lag unknown, out of rotation until it catches up");
			}
			else {
				logger.warn(this.name + " - lagging " + this.lagBytes + " bytes, " + this.lag.toMillis()
						+ " ms behind the primary, out of rotation");
			}
			this.withinLag = within;
			this.lagKnown = known;
		}
	}

	/**
	 * Record that this node is the primary, which lags behind no one.
	 */
	void noLag() {
		this.lagBytes = 0;
		this.lag = Duration.ZERO;
		this.withinLag = true;
		this.lagKnown = true;
	}

	/**
	 * Return the timeline the node last reported, 0 before it was checked.
	 */
	long timeline() {
		return this.timeline;
	}

	boolean checkedOnce() {
		return this.lastCheck != null;
	}

	boolean up() {
		return this.up;
	}

	NodeRole role() {
		return this.role;
	}

	long position() {
		return this.position;
	}

	boolean readable() {
		return this.up && this.role == NodeRole.STANDBY && this.withinLag;
	}

	NodeStatus status() {
		return new NodeStatus(this.name, this.up ? this.role : NodeRole.UNKNOWN, this.up, readable(),
				positionKnown() ? this.position : -1, this.lagBytes, this.lag, this.lastError, this.lastCheck,
				this.timeline, this.lagKnown);
	}

	/**
	 * Return whether the position last read still bounds where the node is from below: not after
	 * a failed check, since a standby that crashed and restarted replays again from an earlier
	 * restartpoint, and routing must then ask it rather than trust the old position.
	 */
	private boolean positionKnown() {
		return this.lastCheck != null && this.failures == 0;
	}

	private static String describe(Throwable failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage().lines().findFirst().orElse("") : "";
		// A driver message may quote the URL, and a URL may hold a password.
		return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + JdbcUrls.maskAll(message));
	}

}
