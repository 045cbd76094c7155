package dev.replication.cluster;

/**
 * What a node says it is, by {@code pg_is_in_recovery()}.
 */
public enum NodeRole {

	/**
	 * Not in recovery: accepts writes.
	 */
	PRIMARY,

	/**
	 * In recovery: a hot standby that serves reads.
	 */
	STANDBY,

	/**
	 * Not known yet, or not reachable.
	 */
	UNKNOWN

}
