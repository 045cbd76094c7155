package dev.replication.context;

import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Keeps the {@link WriteHistory} in the current HTTP request, so that every read of the request
 * after its first write goes to the primary, whichever service method makes it. Outside a
 * request, falls back to the thread's routed call ({@link ThreadWriteHistoryScope}).
 */
public final class RequestWriteHistoryScope implements WriteHistoryScope {

	static final String ATTRIBUTE = WriteHistory.class.getName();

	private final WriteHistoryScope fallback = new ThreadWriteHistoryScope();

	@Override
	public @Nullable WriteHistory current(boolean create) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return this.fallback.current(create);
		}
		WriteHistory history = (WriteHistory) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (history == null && create) {
			history = new WriteHistory();
			request.setAttribute(ATTRIBUTE, history, RequestAttributes.SCOPE_REQUEST);
		}
		return history;
	}

}
