package dev.replication.health;

import java.time.Duration;

/**
 * How the health monitor checks nodes and when it takes them out of rotation.
 *
 * @param interval time between two checks of a node
 * @param connectTimeout longest wait to connect to a node, for checks and for the pools
 * @param maxLag a replica further behind than this serves no reads
 * @param maxLagBytes a replica with more WAL than this to replay serves no reads; -1 for no limit
 * @param failureThreshold failed checks in a row that mark a node down
 * @param recoveryThreshold good checks in a row that bring it back
 */
public record HealthSettings(Duration interval, Duration connectTimeout, Duration maxLag, long maxLagBytes,
		int failureThreshold, int recoveryThreshold) {

}
