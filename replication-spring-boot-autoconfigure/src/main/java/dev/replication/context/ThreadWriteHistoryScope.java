package dev.replication.context;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the {@link WriteHistory} on the current thread for as long as its outermost routed call
 * runs, and forgets it when that call returns: nothing is left for the next task of a pooled
 * thread.
 *
 * @see RoutingContextHolder
 */
public final class ThreadWriteHistoryScope implements WriteHistoryScope {

	@Override
	public @Nullable WriteHistory current(boolean create) {
		return RoutingContextHolder.writeHistory(create);
	}

}
