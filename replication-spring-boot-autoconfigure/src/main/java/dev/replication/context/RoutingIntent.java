package dev.replication.context;

/**
 * What the code in progress on a thread asked of routing, through
 * {@link dev.replication.annotation.Primary @Primary} or
 * {@link dev.replication.annotation.ReadOnly @ReadOnly}.
 */
public enum RoutingIntent {

	/**
	 * Run on the primary, reads included.
	 */
	PRIMARY,

	/**
	 * Only reads: a replica may serve them.
	 */
	READ_ONLY;

	/**
	 * Return the intent in effect when a call that declares {@code declared} runs inside one
	 * whose intent is {@code outer}: {@link #PRIMARY} is kept by everything nested inside it, no
	 * declaration inherits the outer intent.
	 */
	static RoutingIntent combine(RoutingIntent outer, RoutingIntent declared) {
		if (outer == PRIMARY || declared == null) {
			return outer;
		}
		return declared;
	}

}
