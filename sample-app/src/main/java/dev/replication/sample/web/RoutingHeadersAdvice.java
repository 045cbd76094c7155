package dev.replication.sample.web;

import dev.replication.routing.RoutingDecision;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds {@code X-Replication-Node} and {@code X-Replication-Reason} to every response whose body
 * Spring MVC writes, naming the node that served the request's last query and why it was
 * chosen, so that routing can be watched with {@code curl -i}.
 *
 * <p>A {@link ResponseBodyAdvice} rather than a filter or an interceptor's {@code postHandle}:
 * it runs after the handler's last query but before the body is written, while headers can
 * still be set. Error responses built by {@code @ExceptionHandler}s, such as problem details,
 * pass through it too.
 */
@RestControllerAdvice
class RoutingHeadersAdvice implements ResponseBodyAdvice<Object> {

	static final String NODE_HEADER = "X-Replication-Node";

	static final String REASON_HEADER = "X-Replication-Reason";

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		RoutingDecision decision = (attributes != null) ? RequestRoutingListener.lastDecision(attributes) : null;
		if (decision != null) {
			response.getHeaders().set(NODE_HEADER, decision.node());
			response.getHeaders().set(REASON_HEADER, decision.reason().description());
		}
		return body;
	}

}
