package dev.replication.health;

import dev.replication.cluster.NodeRole;
import dev.replication.cluster.NodeStatus;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import dev.replication.support.JdbcUrls;
import org.jspecify.annotations.Nullable;

/**
 * The health state of one node: up or down with hysteresis (down after a number of failed checks
 * in a row, or at once when a connection to it fails; up again after a number of good checks in
 * a row), its role and its replication lag. Each change is logged once, with the node's name.
 * Guarded by the monitor's lock.
 */
final class NodeHealth {

	private static final Log logger = LogFactory.getLog(NodeHealth.class);

	private final String name;

	private final HealthSettings settings;

	private NodeRole role;

	private boolean up = true;

	private boolean withinLag = true;

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
	 * Update the lag of this standby behind a primary at {@code primaryPosition}.
	 */
	void lagBehind(long primaryPosition, long behindNanos) {
		this.lagBytes = Math.max(0, primaryPosition - this.position);
		this.lag = Duration.ofNanos((this.lagBytes == 0) ? 0 : behindNanos);
		boolean within = this.lag.compareTo(this.settings.maxLag()) <= 0
				&& (this.settings.maxLagBytes() < 0 || this.lagBytes <= this.settings.maxLagBytes());
		if (within != this.withinLag) {
			this.withinLag = within;
			if (within) {
				logger.info(this.name + " - caught up (" + this.lagBytes + " bytes, " + this.lag.toMillis()
						+ " ms behind), back in rotation");
			}
			else {
				logger.warn(this.name + " - lagging " + this.lagBytes + " bytes, " + this.lag.toMillis()
						+ " ms behind the primary, out of rotation");
			}
		}
	}

	/**
	 * Record that this node is the primary, which lags behind no one.
	 */
	void noLag() {
		this.lagBytes = 0;
		this.lag = Duration.ZERO;
		this.withinLag = true;
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
				(this.lastCheck != null) ? this.position : -1, this.lagBytes, this.lag, this.lastError, this.lastCheck);
	}

	private static String describe(Throwable failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage().lines().findFirst().orElse("") : "";
		// A driver message may quote the URL, and a URL may hold a password.
		return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + JdbcUrls.maskAll(message));
	}

}
