package dev.replication.context;

import org.jspecify.annotations.Nullable;

/**
 * Where the {@link WriteHistory} of the current caller lives: the HTTP request
 * ({@link RequestWriteHistoryScope}), the HTTP session ({@link SessionWriteHistoryScope}), a signed
 * cookie ({@link CookieWriteHistoryScope}), and outside a request the thread's outermost routed
 * call ({@link ThreadWriteHistoryScope}). One bean of this type decides; replace it to change how
 * long read-your-writes lasts.
 */
@FunctionalInterface
public interface WriteHistoryScope {

	/**
	 * Return the history of the current caller, creating it if {@code create} is set, or
	 * {@code null} when no scope is active (no request and no routed call in progress), in which
	 * case there is no later read in the same scope to protect.
	 */
	@Nullable WriteHistory current(boolean create);

}
