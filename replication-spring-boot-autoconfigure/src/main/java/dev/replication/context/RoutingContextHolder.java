package dev.replication.context;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NamedThreadLocal;

/**
 * Holds, per thread, the routing context of the routed calls in progress: the
 * {@link RoutingIntent} in effect and, outside an HTTP request, the thread's
 * {@link WriteHistory}.
 *
 * <p>Every {@link #enter} is paired with an {@link #exit} in a {@code finally} block; the
 * outermost exit clears the thread-local value, so a pooled thread starts its next task clean.
 * The AOP advisor does this for annotated methods; {@link #call} does it for code that is not a
 * Spring bean.
 */
public final class RoutingContextHolder {

	private static final ThreadLocal<Frame> current = new NamedThreadLocal<>("Replication routing context");

	private RoutingContextHolder() {
	}

	/**
	 * Enter a routed call that declares {@code declared} (or nothing), and return the frame to
	 * hand to {@link #exit}.
	 */
	public static Frame enter(@Nullable RoutingIntent declared) {
		Frame outer = current.get();
		Frame frame = (outer != null) ? new Frame(RoutingIntent.combine(outer.intent, declared), outer, outer.root)
				: new Frame(declared, null, null);
		current.set(frame);
		return frame;
	}

	/**
	 * Enter a call that goes on from what another caller handed over (a task run on another
	 * thread, a job started by a request): its reads see the writes {@code token} records, and
	 * its own. The writes stay with this thread's outermost call; they do not flow back to the
	 * caller that captured {@code token}. Hand the frame to {@link #exit}.
	 */
	public static Frame enterFrom(ConsistencyToken token) {
		Frame frame = enter(null);
		if (!token.isEmpty()) {
			WriteHistory history = writeHistory(true);
			if (history != null) {
				history.advance(token);
			}
		}
		return frame;
	}

	/**
	 * Leave the routed call of {@code frame}, restoring the context of the call around it.
	 */
	public static void exit(Frame frame) {
		if (frame.outer != null) {
			current.set(frame.outer);
		}
		else {
			// Cleared, not removed: the thread's map keeps its entry (with no value, nothing to leak),
			// where removing it made every outermost call allocate a new one.
			current.set(null);
		}
	}

	/**
	 * Run {@code task} with {@code intent} in effect, for code that cannot be annotated.
	 */
	public static <T> T call(RoutingIntent intent, Callable<T> task) throws Exception {
		Frame frame = enter(intent);
		try {
			return task.call();
		}
		finally {
			exit(frame);
		}
	}

	/**
	 * Return the intent in effect on this thread, or {@code null} if none.
	 */
	public static @Nullable RoutingIntent currentIntent() {
		Frame frame = current.get();
		return (frame != null) ? frame.intent : null;
	}

	/**
	 * Return whether a routed call is in progress on this thread.
	 */
	public static boolean isActive() {
		return current.get() != null;
	}

	static @Nullable WriteHistory writeHistory(boolean create) {
		Frame frame = current.get();
		if (frame == null) {
			return null;
		}
		Frame root = frame.root;
		if (root.writeHistory == null && create) {
			root.writeHistory = new WriteHistory();
		}
		return root.writeHistory;
	}

	/**
	 * One routed call in progress: opaque to callers, who only hand it back to {@link #exit}.
	 */
	public static final class Frame {

		private final @Nullable RoutingIntent intent;

		private final @Nullable Frame outer;

		private final Frame root;

		private @Nullable WriteHistory writeHistory;

		private Frame(@Nullable RoutingIntent intent, @Nullable Frame outer, @Nullable Frame root) {
			this.intent = intent;
			this.outer = outer;
			this.root = (root != null) ? root : this;
		}

	}

}
