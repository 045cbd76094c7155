package dev.replication.sample.web;

import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingListener;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, in the current HTTP request, the last {@link RoutingDecision} made for it, so that
 * {@link RoutingHeadersAdvice} can report it. The routing data source calls every
 * {@link RoutingListener} bean on the thread that fetches the connection, which for a web
 * request is the request's own thread; connections fetched outside a request (start-up,
 * scheduled work) are ignored.
 */
@Component
class RequestRoutingListener implements RoutingListener {

	private static final String ATTRIBUTE = RequestRoutingListener.class.getName() + ".decision";

	@Override
	public void routed(RoutingDecision decision) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ATTRIBUTE, decision, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * Return the last decision made for {@code request}, or {@code null} if it has not queried
	 * the database.
	 */
	static @Nullable RoutingDecision lastDecision(RequestAttributes request) {
		return (RoutingDecision) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
	}

}
