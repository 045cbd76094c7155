package dev.replication.cluster;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the health monitor last knew of one node: for routing, dashboards, logs and the actuator.
 *
 * @param name the node's name
 * @param role the role it reported
 * @param up whether it is considered up (answering its checks)
 * @param readable whether reads may be sent to it now: up, a standby, and within the lag limits
 * @param position its WAL position as a number of bytes: replayed on a standby, written on a
 * primary; -1 if unknown
 * @param lagBytes how many bytes of WAL it has still to replay, 0 for the primary; -1 if unknown
 * @param lag how long its oldest unreplayed WAL has waited, zero when caught up; {@code null} if
 * unknown
 * @param lastError the last check or connection failure, without credentials; {@code null} if none
 * @param lastCheck when it was last checked; {@code null} before the first check
 * @param timeline the timeline it last reported (a primary's current one, a standby's last
 * restartpoint's); 0 before the first check
 * @param lagKnown whether its lag is known: false for a standby that is behind since before the
 * primary's positions were first seen, or with no primary to compare with; such a standby serves
 * no reads
 */
public record NodeStatus(String name, NodeRole role, boolean up, boolean readable, long position, long lagBytes,
		@Nullable Duration lag, @Nullable String lastError, @Nullable Instant lastCheck, long timeline,
		boolean lagKnown) {

	/**
	 * Create a status with no timeline known, whose lag is known if {@code lag} is given.
	 */
	public NodeStatus(String name, NodeRole role, boolean up, boolean readable, long position, long lagBytes,
			@Nullable Duration lag, @Nullable String lastError, @Nullable Instant lastCheck) {
		this(name, role, up, readable, position, lagBytes, lag, lastError, lastCheck, 0, lag != null);
	}

	@Override
	public String toString() {
		return this.name + " " + (this.up ? "up" : "down") + " " + this.role.name().toLowerCase()
				+ ((this.timeline > 0) ? " timeline " + this.timeline : "")
				+ ((this.lagBytes > 0) ? " lag " + this.lagBytes + " bytes" + (this.lagKnown ? "" : " (time unknown)") : "")
				+ ((this.lastError != null && !this.up) ? " (" + this.lastError + ")" : "");
	}

}
