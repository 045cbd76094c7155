package dev.replication.context;

import java.io.Serializable;

/**
 * What a caller has written: the WAL position a replica must have replayed before it may serve
 * the caller's reads, and when the caller last wrote. A small immutable value, so that a scope can
 * keep it (request, session, cookie) and hand it to another thread or application instance.
 *
 * <p>Tokens only move forward: {@link #merge} keeps the highest position and the latest write.
 */
public final class ConsistencyToken implements Serializable {

	private static final long serialVersionUID = 1L;

	/**
	 * The token of a caller that wrote nothing.
	 */
	public static final ConsistencyToken NONE = new ConsistencyToken(0, 0);

	private final long position;

	private final long writtenAt;

	private ConsistencyToken(long position, long writtenAt) {
		this.position = position;
		this.writtenAt = writtenAt;
	}

	/**
	 * Return a token for a write covered by WAL position {@code position} (0 if not known) made at
	 * {@code writtenAt} (epoch milliseconds).
	 */
	public static ConsistencyToken of(long position, long writtenAt) {
		return (position <= 0 && writtenAt <= 0) ? NONE
				: new ConsistencyToken(Math.max(0, position), Math.max(0, writtenAt));
	}

	/**
	 * Return the WAL position (in bytes) a replica must have replayed to serve this caller, 0 if
	 * none.
	 */
	public long position() {
		return this.position;
	}

	/**
	 * Return when the caller last wrote, in epoch milliseconds, 0 if never.
	 */
	public long writtenAt() {
		return this.writtenAt;
	}

	/**
	 * Return whether this token records no write.
	 */
	public boolean isEmpty() {
		return this.position == 0 && this.writtenAt == 0;
	}

	/**
	 * Return the token that covers both this one and {@code other}: the higher position, the later
	 * write. Returns {@code this} when {@code other} adds nothing, so callers can test identity.
	 */
	public ConsistencyToken merge(ConsistencyToken other) {
		if (other.position <= this.position && other.writtenAt <= this.writtenAt) {
			return this;
		}
		if (this.position <= other.position && this.writtenAt <= other.writtenAt) {
			return other;
		}
		return new ConsistencyToken(Math.max(this.position, other.position),
				Math.max(this.writtenAt, other.writtenAt));
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ConsistencyToken token) && token.position == this.position
				&& token.writtenAt == this.writtenAt;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.position) * 31 + Long.hashCode(this.writtenAt);
	}

	@Override
	public String toString() {
		return "ConsistencyToken[position=" + (this.position >>> 32) + "/" + Long.toHexString(this.position & 0xFFFFFFFFL)
				+ ", writtenAt=" + this.writtenAt + "]";
	}

}
