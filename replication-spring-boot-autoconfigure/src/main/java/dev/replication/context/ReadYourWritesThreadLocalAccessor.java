package dev.replication.context;

import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.context.ThreadLocalAccessor;

import org.springframework.core.NamedThreadLocal;

/**
 * Carries the caller's {@link ConsistencyToken} through Micrometer context-propagation
 * ({@code ContextSnapshot}, Reactor, Spring's {@code ContextPropagatingTaskDecorator}): setting a
 * value opens a routing frame that starts from the token, restoring closes it, so the thread is
 * left as it was found.
 */
public class ReadYourWritesThreadLocalAccessor implements ThreadLocalAccessor<ConsistencyToken> {

	/**
	 * The key of this accessor in the {@code ContextRegistry}.
	 */
	public static final String KEY = "dev.replication.read-your-writes";

	private static final ThreadLocal<Deque<RoutingContextHolder.Frame>> opened = new NamedThreadLocal<>(
			"Replication read-your-writes frames opened by context-propagation");

	private final ReadYourWrites readYourWrites;

	/**
	 * Create an accessor that reads the current token through {@code readYourWrites}.
	 */
	public ReadYourWritesThreadLocalAccessor(ReadYourWrites readYourWrites) {
		this.readYourWrites = readYourWrites;
	}

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public ConsistencyToken getValue() {
		// Never null, so that the receiving thread always gets a frame of its own to remember its writes in.
		return this.readYourWrites.currentToken();
	}

	@Override
	public void setValue(ConsistencyToken token) {
		Deque<RoutingContextHolder.Frame> frames = opened.get();
		if (frames == null) {
			frames = new ArrayDeque<>();
			opened.set(frames);
		}
		frames.push(RoutingContextHolder.enterFrom(token));
	}

	@Override
	public void setValue() {
		setValue(ConsistencyToken.NONE);
	}

	@Override
	public void restore(ConsistencyToken previousValue) {
		restore();
	}

	@Override
	public void restore() {
		Deque<RoutingContextHolder.Frame> frames = opened.get();
		if (frames == null) {
			return;
		}
		RoutingContextHolder.exit(frames.pop());
		if (frames.isEmpty()) {
			opened.remove();
		}
	}

}
