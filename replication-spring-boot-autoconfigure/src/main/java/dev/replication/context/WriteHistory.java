package dev.replication.context;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The {@link ConsistencyToken} of one caller (an HTTP request, a session, a routed call on a
 * thread), held where its {@link WriteHistoryScope} keeps it: the state that read-your-writes
 * routing consults before sending a read to a replica.
 *
 * <p>Safe for use by several threads: a request may hand work to others. Scopes that must store
 * the token somewhere else as well (a session attribute, a cookie) override {@link #changed}.
 * The token is a volatile field updated by compare-and-set, not an {@code AtomicReference}:
 * a write's history is then one object.
 */
public class WriteHistory {

	private static final VarHandle TOKEN;

	static {
		try {
			TOKEN = MethodHandles.lookup().findVarHandle(WriteHistory.class, "token", ConsistencyToken.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private volatile ConsistencyToken token;

	/**
	 * Create a history of a caller that has written nothing yet.
	 */
	public WriteHistory() {
		this(ConsistencyToken.NONE);
	}

	/**
	 * Create a history that starts from {@code token}, such as one read from a cookie or handed
	 * over from another thread.
	 */
	public WriteHistory(ConsistencyToken token) {
		this.token = token;
	}

	/**
	 * Return the caller's token now.
	 */
	public ConsistencyToken token() {
		return this.token;
	}

	/**
	 * Merge {@code seen} into the caller's token, and return whether that moved it forward.
	 */
	public boolean advance(ConsistencyToken seen) {
		while (true) {
			ConsistencyToken current = this.token;
			ConsistencyToken merged = current.merge(seen);
			if (merged == current) {
				return false;
			}
			if (TOKEN.compareAndSet(this, current, merged)) {
				changed(current, merged);
				return true;
			}
		}
	}

	/**
	 * Record that a write has just been committed on the primary, at a WAL position not known.
	 */
	public void recordWrite() {
		advance(ConsistencyToken.of(0, System.currentTimeMillis()));
	}

	/**
	 * Record that a write has just returned from its commit on the primary, its WAL position not
	 * read: the token stays unplaced until a position of the primary read after now places it.
	 */
	public void recordUnplacedWrite() {
		advance(ConsistencyToken.unplaced(System.currentTimeMillis(), System.nanoTime()));
	}

	/**
	 * Place the caller's token with {@code primaryPosition}, a position of the primary read at
	 * {@code readAt} ({@link System#nanoTime()} when the query was sent), if that covers its
	 * unplaced write. Return the token now.
	 */
	public ConsistencyToken place(long primaryPosition, long readAt) {
		while (true) {
			ConsistencyToken current = this.token;
			if (!current.placeableBy(readAt)) {
				return current;
			}
			ConsistencyToken placed = current.placedAt(primaryPosition);
			if (TOKEN.compareAndSet(this, current, placed)) {
				changed(current, placed);
				return placed;
			}
		}
	}

	/**
	 * Return whether a write was recorded less than {@code windowNanos} ago.
	 */
	public boolean wroteWithin(long windowNanos) {
		long writtenAt = this.token.writtenAt();
		return writtenAt != 0 && (System.currentTimeMillis() - writtenAt) * 1_000_000L < windowNanos;
	}

	/**
	 * Return whether any write was recorded.
	 */
	public boolean hasWritten() {
		return !this.token.isEmpty();
	}

	/**
	 * Called after the token moved forward to {@code token}: a hook for scopes that keep the token
	 * elsewhere too. Does nothing by default.
	 */
	protected void changed(ConsistencyToken token) {
	}

	/**
	 * Called after the token moved forward from {@code before} to {@code after}, by a write or a
	 * read merged in, or by being placed (then {@code after} no longer records the unplaced write
	 * {@code before} did, and merging it into a copy of {@code before} kept elsewhere would keep
	 * that copy unplaced: a scope replaces such a copy instead). Calls {@link #changed(ConsistencyToken)}
	 * by default.
	 */
	protected void changed(ConsistencyToken before, ConsistencyToken after) {
		changed(after);
	}

}
