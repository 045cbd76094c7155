package dev.replication.routing;

/**
 * Which node serves a new connection, and why: made by {@link ReplicationRouter}, the one place
 * where routing is decided. Decisions are immutable and made once per node and reason, so that
 * routing a connection allocates nothing.
 */
public final class RoutingDecision {

	private final String node;

	private final Reason reason;

	private final boolean readOnly;

	RoutingDecision(String node, Reason reason, boolean readOnly) {
		this.node = node;
		this.reason = reason;
		this.readOnly = readOnly;
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
		return this.readOnly;
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
		PRIMARY_ANNOTATION(true, "@Primary"),

		/**
		 * A read-write transaction is in progress.
		 */
		READ_WRITE_TRANSACTION(true, "read-write transaction"),

		/**
		 * Neither {@code @ReadOnly} nor a read-only transaction asked for a replica.
		 */
		NOT_READ_ONLY(true, "no @ReadOnly and no read-only transaction"),

		/**
		 * The caller wrote to the primary within the read-your-writes window.
		 */
		READ_YOUR_WRITES(true, "written within the read-your-writes window"),

		/**
		 * No replica is configured.
		 */
		NO_REPLICA(true, "no replica configured"),

		/**
		 * {@code @ReadOnly} is in effect.
		 */
		READ_ONLY_ANNOTATION(false, "@ReadOnly"),

		/**
		 * A read-only transaction is in progress.
		 */
		READ_ONLY_TRANSACTION(false, "read-only transaction");

		private final boolean primary;

		private final String description;

		Reason(boolean primary, String description) {
			this.primary = primary;
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
