package dev.replication.routing;

/**
 * Which node serves a new connection, and why: made by {@link ReplicationRouter}, the one place
 * where routing is decided. Decisions are immutable and made once per node and reason, so that
 * routing a connection allocates nothing.
 */
public final class RoutingDecision {

	private final String node;

	private final Reason reason;

	/**
	 * Whether the replica must first be asked whether it has replayed the caller's writes: the
	 * health monitor's last check did not show it far enough.
	 */
	final boolean checkReplay;

	/** For a decision that checks replay: the one to report once the replica is found far enough. */
	RoutingDecision replayed;

	/** For a decision that checks replay: the one to report after waiting for the replica. */
	RoutingDecision waited;

	RoutingDecision(String node, Reason reason) {
		this(node, reason, false);
	}

	RoutingDecision(String node, Reason reason, boolean checkReplay) {
		this.node = node;
		this.reason = reason;
		this.checkReplay = checkReplay;
		this.replayed = this;
		this.waited = this;
	}

	/**
	 * Return the name of the node chosen.
	 */
	public String node() {
		return this.node;
	}

	/**
	 * Return why the node was chosen.
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Return whether the caller only reads, in which case the connection is marked read-only
	 * whichever node serves it.
	 */
	public boolean readOnly() {
		return this.reason.readOnly;
	}

	/**
	 * Return whether the primary was chosen.
	 */
	public boolean primary() {
		return this.reason.primary;
	}

	@Override
	public String toString() {
		return this.node + " (" + this.reason.description + ")";
	}

	/**
	 * Why a node was chosen.
	 */
	public enum Reason {

		/**
		 * {@code @Primary} is in effect.
		 */
		PRIMARY_ANNOTATION(true, false, "@Primary"),

		/**
		 * A read-write transaction is in progress.
		 */
		READ_WRITE_TRANSACTION(true, false, "read-write transaction"),

		/**
		 * Neither {@code @ReadOnly} nor a read-only transaction asked for a replica.
		 */
		NOT_READ_ONLY(true, false, "no @ReadOnly and no read-only transaction"),

		/**
		 * The caller wrote to the primary within the read-your-writes window.
		 */
		READ_YOUR_WRITES(true, true, "written within the read-your-writes window"),

		/**
		 * The caller wrote (or, with monotonic reads, saw) data that no replica is known to have
		 * replayed yet, nor replayed within the longest wait allowed.
		 */
		NOT_REPLAYED(true, true, "no replica has replayed the caller's writes"),

		/**
		 * The replica was not far enough when the connection was taken, and the read waited for it
		 * to replay the caller's writes.
		 */
		WAITED_FOR_REPLAY(false, true, "waited for the replica to replay the caller's writes"),

		/**
		 * No replica is configured.
		 */
		NO_REPLICA(true, true, "no replica configured"),

		/**
		 * Replicas are configured but none is healthy and within the lag limits.
		 */
		NO_HEALTHY_REPLICA(true, true, "no healthy replica"),

		/**
		 * {@code @ReadOnly} is in effect.
		 */
		READ_ONLY_ANNOTATION(false, true, "@ReadOnly"),

		/**
		 * A read-only transaction is in progress.
		 */
		READ_ONLY_TRANSACTION(false, true, "read-only transaction"),

		/**
		 * JPA runs a statement while no transaction is active: it can only be a read, since
		 * nothing is flushed without a transaction (lazy loading while a view renders, Spring
		 * Data query methods without a transaction).
		 */
		JPA_OUTSIDE_TRANSACTION(false, true, "JPA outside a transaction");

		final boolean primary;

		final boolean readOnly;

		private final String description;

		Reason(boolean primary, boolean readOnly, String description) {
			this.primary = primary;
			this.readOnly = readOnly;
			this.description = description;
		}

		/**
		 * Return a short description for logs and headers.
		 */
		public String description() {
			return this.description;
		}

	}

}
