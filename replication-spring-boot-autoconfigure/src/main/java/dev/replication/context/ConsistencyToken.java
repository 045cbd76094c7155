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
 * query made for that read). Within one JVM an unplaced token also keeps the
 * {@link System#nanoTime()} its last write returned at, so that a position read after it places the
 * token; that instant does not travel (serialized, encoded in a cookie), and a token that arrives
 * unplaced is placed only by a position read after it arrived.
 *
 * <p>Tokens only move forward: {@link #merge} keeps the highest position, the latest write, and an
 * unplaced write until it is placed.
 */
public final class ConsistencyToken implements Serializable {

	private static final long serialVersionUID = 2L;

	/**
	 * The token of a caller that wrote nothing.
	 */
	public static final ConsistencyToken NONE = new ConsistencyToken(0, 0, false, 0, false);

	private final long position;

	private final long writtenAt;

	private final boolean unplaced;

	/** For an unplaced token made in this JVM: the nanoTime its last write had returned by. */
	private final transient long unplacedSince;

	/** Whether {@link #unplacedSince} is known: false once the token has left this JVM. */
	private final transient boolean sinceKnown;

	private ConsistencyToken(long position, long writtenAt, boolean unplaced, long unplacedSince, boolean sinceKnown) {
		this.position = position;
		this.writtenAt = writtenAt;
		this.unplaced = unplaced;
		this.unplacedSince = unplacedSince;
		this.sinceKnown = unplaced && sinceKnown;
	}

	/**
	 * Return a token for a write covered by WAL position {@code position} (0 if not known) made at
	 * {@code writtenAt} (epoch milliseconds).
	 */
	public static ConsistencyToken of(long position, long writtenAt) {
		return (position <= 0 && writtenAt <= 0) ? NONE
				: new ConsistencyToken(Math.max(0, position), Math.max(0, writtenAt), false, 0, false);
	}

	/**
	 * Return a token for a write committed on the primary at {@code writtenAt} (epoch
	 * milliseconds) whose WAL position was not read; the commit returned by {@code returnedAt}
	 * ({@link System#nanoTime()}), so any position of the primary read after that instant covers it.
	 */
	public static ConsistencyToken unplaced(long writtenAt, long returnedAt) {
		return new ConsistencyToken(0, Math.max(0, writtenAt), true, returnedAt, true);
	}

	/**
	 * Return a token that arrived from elsewhere (a cookie): covered by {@code position}, written
	 * at {@code writtenAt}, with a later write not placed yet if {@code unplaced}. When it was
	 * written is unknown here: only a position read from now on places it.
	 */
	public static ConsistencyToken received(long position, long writtenAt, boolean unplaced) {
		return unplaced ? new ConsistencyToken(Math.max(0, position), Math.max(0, writtenAt), true, 0, false)
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
		return this.unplaced && this.sinceKnown && readAt - this.unplacedSince >= 0;
	}

	/**
	 * Return this token placed: covered by {@code primaryPosition}, a position of the primary read
	 * after its last write returned.
	 */
	public ConsistencyToken placedAt(long primaryPosition) {
		return new ConsistencyToken(Math.max(this.position, primaryPosition), this.writtenAt, false, 0, false);
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
		long since = 0;
		boolean sinceKnown = false;
		if (this.unplaced && other.unplaced) {
			sinceKnown = this.sinceKnown && other.sinceKnown;
			since = (this.unplacedSince - other.unplacedSince >= 0) ? this.unplacedSince : other.unplacedSince;
		}
		else if (unplaced) {
			ConsistencyToken pending = this.unplaced ? this : other;
			sinceKnown = pending.sinceKnown;
			since = pending.unplacedSince;
		}
		return new ConsistencyToken(Math.max(this.position, other.position), Math.max(this.writtenAt, other.writtenAt),
				unplaced, since, sinceKnown);
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
		// An unplaced write is covered only by one known to have returned no earlier: a token that
		// arrived unplaced covers no other, so that a position read for it is never taken to cover
		// a write that returned while that position was being read.
		return this == other || (this.sinceKnown && other.sinceKnown && this.unplacedSince - other.unplacedSince >= 0);
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
