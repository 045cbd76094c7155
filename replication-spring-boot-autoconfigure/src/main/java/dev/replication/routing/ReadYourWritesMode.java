package dev.replication.routing;

/**
 * How a caller is kept from reading older data than it has written: by time, by WAL position,
 * or not at all.
 */
public enum ReadYourWritesMode {

	/**
	 * After a write, the caller's reads go to the primary for a fixed window.
	 */
	WINDOW,

	/**
	 * After a write, the caller's reads go to a replica that has replayed the WAL position of the
	 * write, and to the primary only while none has.
	 */
	LSN,

	/**
	 * Reads go to replicas whatever the caller wrote.
	 */
	NONE

}
