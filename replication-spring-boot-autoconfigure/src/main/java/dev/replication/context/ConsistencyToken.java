package dev.replication.context;

import java.io.Serializable;

/**
 * What a caller has written: the WAL position a replica must have replayed before it may serve
 * the caller's reads, and when the caller last wrote. A small immutable value, so that a scope can
 * keep it (request, session, cookie) and hand it to another thread or application instance.
 *
 * <p>A write's position is not read when it commits, which would cost every write transaction a
 * query: the token is then <em>unplaced</em>, and is placed later, only if a read needs it, by any
 * position of the primary read after the commit returned (the health monitor's next check, or a
 * query made for that read). An unplaced token keeps the {@link System#nanoTime()} by which its
 * last write had returned; that instant means nothing in another JVM, so a token that arrives
 * unplaced (from a cookie, a serialized session) takes the instant it arrived instead: its write
 * had returned by then.
 *
 * <p>Tokens only move forward: {@link #merge} keeps the highest position, the latest write, and an
 * unplaced write until it is placed.
 */
public final class ConsistencyToken implements Serializable {

	private static final long serialVersionUID = 1L;

	/**
	 * The token of a caller that wrote nothing.
	 */
	public static final ConsistencyToken NONE = new ConsistencyToken(0, 0, false, 0);

	private final long position;

	private final long writtenAt;

	private final boolean unplaced;

	/** For an unplaced token: the nanoTime of this JVM by which its last write had returned. */
	private final transient long unplacedSince;

	private ConsistencyToken(long position, long writtenAt, boolean unplaced, long unplacedSince) {
		this.position = position;
		this.writtenAt = writtenAt;
		this.unplaced = unplaced;
		this.unplacedSince = unplacedSince;
	}

	/**
	 * Return a token for a write covered by WAL position {@code position} (0 if not known) made at
	 * {@code writtenAt} (epoch milliseconds).
	 */
	public static ConsistencyToken of(long position, long writtenAt) {
		return (position <= 0 && writtenAt <= 0) ? NONE
				: new ConsistencyToken(Math.max(0, position), Math.max(0, writtenAt), false, 0);
	}

	/**
	 * Return a token for a write committed on the primary at {@code writtenAt} (epoch
	 * milliseconds) whose WAL position was not read; the commit returned by {@code returnedAt}
	 * ({@link System#nanoTime()}), so any position of the primary read after that instant covers it.
	 */
	public static ConsistencyToken unplaced(long writtenAt, long returnedAt) {
		return new ConsistencyToken(0, Math.max(0, writtenAt), true, returnedAt);
	}

	/**
	 * Return a token that arrived from elsewhere (a cookie): covered by {@code position}, written
	 * at {@code writtenAt}, with a later write not placed yet if {@code unplaced}. That write had
	 * returned by now: a position of the primary read from now on places it.
	 */
	public static ConsistencyToken received(long position, long writtenAt, boolean unplaced) {
		return unplaced ? new ConsistencyToken(Math.max(0, position), Math.max(0, writtenAt), true, System.nanoTime())
				: of(position, writtenAt);
	}

	/**
	 * Return the WAL position (in bytes) a replica must have replayed to serve this caller, 0 if
	 * none. For an {@linkplain #isUnplaced() unplaced} token, a lower bound only.
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
	 * Return whether the caller's last write has no WAL position yet: a replica can serve its
	 * reads only once the token is {@linkplain #placedAt placed}.
	 */
	public boolean isUnplaced() {
		return this.unplaced;
	}

	/**
	 * Return whether a position of the primary read at {@code readAt} ({@link System#nanoTime()},
	 * when the query was sent) covers this token's unplaced write: only if that write is known to
	 * have returned by then.
	 */
	public boolean placeableBy(long readAt) {
		return this.unplaced && readAt - this.unplacedSince >= 0;
	}

	/**
	 * Return this token placed: covered by {@code primaryPosition}, a position of the primary read
	 * after its last write returned.
	 */
	public ConsistencyToken placedAt(long primaryPosition) {
		return new ConsistencyToken(Math.max(this.position, primaryPosition), this.writtenAt, false, 0);
	}

	/**
	 * Return whether this token records no write.
	 */
	public boolean isEmpty() {
		return this.position == 0 && this.writtenAt == 0 && !this.unplaced;
	}

	/**
	 * Return the token that covers both this one and {@code other}: the higher position, the later
	 * write, and an unplaced write of either (the later one when both have one, so that a position
	 * read after it covers both). Returns {@code this} when {@code other} adds nothing, so callers
	 * can test identity.
	 */
	public ConsistencyToken merge(ConsistencyToken other) {
		if (covers(other)) {
			return this;
		}
		if (other.covers(this)) {
			return other;
		}
		boolean unplaced = this.unplaced || other.unplaced;
		long since;
		if (this.unplaced && other.unplaced) {
			since = (this.unplacedSince - other.unplacedSince >= 0) ? this.unplacedSince : other.unplacedSince;
		}
		else {
			since = this.unplaced ? this.unplacedSince : other.unplacedSince;
		}
		return new ConsistencyToken(Math.max(this.position, other.position), Math.max(this.writtenAt, other.writtenAt),
				unplaced, unplaced ? since : 0);
	}

	/**
	 * Return whether this token asks at least as much as {@code other}.
	 */
	private boolean covers(ConsistencyToken other) {
		if (other.position > this.position || other.writtenAt > this.writtenAt) {
			return false;
		}
		if (!other.unplaced) {
			return true;
		}
		if (!this.unplaced) {
			return false;
		}
		// An unplaced write is covered only by one that returned no earlier.
		return this.unplacedSince - other.unplacedSince >= 0;
	}

	/**
	 * Give a token read back from a serialized session the instant it arrived in this JVM, where
	 * the instant kept by the JVM that wrote it means nothing.
	 */
	private Object readResolve() {
		return this.unplaced ? received(this.position, this.writtenAt, true) : this;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ConsistencyToken token) && token.position == this.position
				&& token.writtenAt == this.writtenAt && token.unplaced == this.unplaced;
	}

	@Override
	public int hashCode() {
		return (Long.hashCode(this.position) * 31 + Long.hashCode(this.writtenAt)) * 31 + Boolean.hashCode(this.unplaced);
	}

	@Override
	public String toString() {
		return "ConsistencyToken[position=" + (this.position >>> 32) + "/" + Long.toHexString(this.position & 0xFFFFFFFFL)
				+ ", writtenAt=" + this.writtenAt + (this.unplaced ? ", unplaced" : "") + "]";
	}

}
