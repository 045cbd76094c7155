package dev.replication.testapp;

import java.util.ArrayList;
import java.util.List;

import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingListener;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Keeps, in the request, every routing decision made while it was served, so that a response can
 * say which node ran each of its statements and why.
 */
@Component
public class RequestRoutingLog implements RoutingListener {

	private static final String ATTRIBUTE = RequestRoutingLog.class.getName();

	@Override
	public void routed(RoutingDecision decision) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			current(request).add(decision.toString());
		}
	}

	/**
	 * Return the decisions made so far in the current request, as "node (reason)".
	 */
	public static List<String> decisions() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return (request != null) ? List.copyOf(current(request)) : List.of();
	}

	@SuppressWarnings("unchecked")
	private static List<String> current(RequestAttributes request) {
		List<String> decisions = (List<String>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (decisions == null) {
			decisions = new ArrayList<>();
			request.setAttribute(ATTRIBUTE, decisions, RequestAttributes.SCOPE_REQUEST);
		}
		return decisions;
	}

}
