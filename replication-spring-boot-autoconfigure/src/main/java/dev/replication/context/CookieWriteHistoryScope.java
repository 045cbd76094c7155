package dev.replication.context;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Keeps the caller's {@link ConsistencyToken} in a small signed cookie, so that the user's next
 * requests read what the user wrote, whichever application instance serves them, with no shared
 * state. Outside a request, falls back to the thread's routed call
 * ({@link ThreadWriteHistoryScope}).
 *
 * <p>Within a request the history lives in a request attribute, loaded from the cookie once; a
 * cookie that is forged, altered or expired is ignored. Each time the token moves forward the
 * response gets a new {@code Set-Cookie} (HttpOnly, SameSite=Lax), replacing the one set before
 * in the same request. A write made after the response is committed (a streamed body) cannot set
 * the cookie any more: the request's own later reads still see it, the user's next request does
 * not, and it is logged at DEBUG.
 */
public final class CookieWriteHistoryScope implements WriteHistoryScope {

	private static final Log logger = LogFactory.getLog(CookieWriteHistoryScope.class);

	private final WriteHistoryScope fallback = new ThreadWriteHistoryScope();

	private final String name;

	private final TokenCookieCodec codec;

	private final @Nullable Boolean secure;

	/**
	 * Create a scope keeping the token in cookie {@code name}, signed with {@code secret} and
	 * trusted for {@code maxAge}; {@code secure} set to {@code null} marks the cookie Secure when
	 * the request came over HTTPS.
	 */
	public CookieWriteHistoryScope(String name, String secret, Duration maxAge, @Nullable Boolean secure) {
		this(name, new TokenCookieCodec(secret, maxAge, Clock.systemUTC()), secure);
	}

	CookieWriteHistoryScope(String name, TokenCookieCodec codec, @Nullable Boolean secure) {
		this.name = name;
		this.codec = codec;
		this.secure = secure;
	}

	@Override
	public @Nullable WriteHistory current(boolean create) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return this.fallback.current(create);
		}
		WriteHistory history = (WriteHistory) attributes.getAttribute(RequestWriteHistoryScope.ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (history == null) {
			ConsistencyToken stored = (attributes instanceof ServletRequestAttributes servlet)
					? read(servlet.getRequest()) : null;
			if (stored == null && !create) {
				return null;
			}
			ConsistencyToken start = (stored != null) ? stored : ConsistencyToken.NONE;
			history = (attributes instanceof ServletRequestAttributes servlet)
					? new CookieHistory(servlet.getRequest(), servlet.getResponse(), start) : new WriteHistory(start);
			attributes.setAttribute(RequestWriteHistoryScope.ATTRIBUTE, history, RequestAttributes.SCOPE_REQUEST);
		}
		return history;
	}

	/**
	 * Return the token the request's cookie carries, {@link ConsistencyToken#NONE} if the cookie
	 * is not to be trusted, {@code null} if the request has none.
	 */
	private @Nullable ConsistencyToken read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (this.name.equals(cookie.getName())) {
				// An ignored cookie still gets a history (an empty one), so it is checked once per request.
				ConsistencyToken token = this.codec.decode(cookie.getValue());
				return (token != null) ? token : ConsistencyToken.NONE;
			}
		}
		return null;
	}

	private void write(HttpServletRequest request, @Nullable HttpServletResponse response, ConsistencyToken token) {
		if (response == null || response.isCommitted()) {
			logger.debug("Write made after the response was committed: the read-your-writes cookie is not updated");
			return;
		}
		String header = ResponseCookie.from(this.name, this.codec.encode(token))
			.path("/")
			.maxAge(this.codec.maxAge())
			.httpOnly(true)
			.secure((this.secure != null) ? this.secure : request.isSecure())
			.sameSite("Lax")
			.build()
			.toString();
		// One cookie of this name per response: keep every other Set-Cookie, replace ours.
		List<String> others = new ArrayList<>();
		for (String existing : response.getHeaders(HttpHeaders.SET_COOKIE)) {
			if (!existing.startsWith(this.name + "=")) {
				others.add(existing);
			}
		}
		response.setHeader(HttpHeaders.SET_COOKIE, header);
		others.forEach((other) -> response.addHeader(HttpHeaders.SET_COOKIE, other));
	}

	private final class CookieHistory extends WriteHistory {

		private final HttpServletRequest request;

		private final @Nullable HttpServletResponse response;

		CookieHistory(HttpServletRequest request, @Nullable HttpServletResponse response, ConsistencyToken token) {
			super(token);
			this.request = request;
			this.response = response;
		}

		@Override
		protected void changed(ConsistencyToken token) {
			write(this.request, this.response, token);
		}

	}

}
