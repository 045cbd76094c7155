package dev.replication.context;

import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Keeps the caller's {@link ConsistencyToken} in the HTTP session, so that the user's next
 * requests (the GET after a form POST and its redirect) read what the user wrote. Outside a
 * request, falls back to the thread's routed call ({@link ThreadWriteHistoryScope}).
 *
 * <p>Within a request the history lives in a request attribute, loaded from the session once; the
 * session is created only when the request writes, and the token is set on it again each time it
 * moves forward, so that distributed session stores see the change. The token stored is merged
 * with the one found in the session, but two requests of one user writing at the very same time
 * may still each store theirs last.
 */
public final class SessionWriteHistoryScope implements WriteHistoryScope {

	static final String SESSION_ATTRIBUTE = ConsistencyToken.class.getName();

	private static final Log logger = LogFactory.getLog(SessionWriteHistoryScope.class);

	private final WriteHistoryScope fallback = new ThreadWriteHistoryScope();

	@Override
	public @Nullable WriteHistory current(boolean create) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return this.fallback.current(create);
		}
		WriteHistory history = (WriteHistory) request.getAttribute(RequestWriteHistoryScope.ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (history == null) {
			ConsistencyToken stored = stored(request);
			if (stored == null && !create) {
				return null;
			}
			history = new SessionHistory(request, (stored != null) ? stored : ConsistencyToken.NONE);
			request.setAttribute(RequestWriteHistoryScope.ATTRIBUTE, history, RequestAttributes.SCOPE_REQUEST);
		}
		return history;
	}

	/**
	 * Return the token stored in the session, or {@code null}. Read from the session itself:
	 * reading it through {@link RequestAttributes} would mark it as accessed, and Spring would set
	 * this request's copy again when the request ends, over a newer token another request of the
	 * same user stored meanwhile (Spring Session saves each request's copy).
	 */
	private static @Nullable ConsistencyToken stored(RequestAttributes request) {
		if (request instanceof ServletRequestAttributes servlet) {
			HttpSession session = servlet.getRequest().getSession(false);
			return (session != null) ? (ConsistencyToken) session.getAttribute(SESSION_ATTRIBUTE) : null;
		}
		return (ConsistencyToken) request.getAttribute(SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
	}

	private static final class SessionHistory extends WriteHistory {

		private final RequestAttributes request;

		SessionHistory(RequestAttributes request, ConsistencyToken token) {
			super(token);
			this.request = request;
		}

		@Override
		protected void changed(ConsistencyToken before, ConsistencyToken after) {
			try {
				// Keep what another request of the same user stored meanwhile (a race can still lose it);
				// replace the very token this history moved on from, which a placed one no longer
				// merges into.
				ConsistencyToken stored = stored(this.request);
				this.request.setAttribute(SESSION_ATTRIBUTE,
						(stored == null || stored == before) ? after : stored.merge(after), RequestAttributes.SCOPE_SESSION);
			}
			catch (IllegalStateException ex) {
				// No session yet and the response is committed: one cannot be created any more.
				logger.debug("Write made after the response was committed is not kept in a new session: "
						+ ex.getMessage());
			}
		}

	}

}
