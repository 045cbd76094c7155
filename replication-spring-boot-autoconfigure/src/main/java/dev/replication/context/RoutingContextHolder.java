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
 * outermost exit clears the thread-local values, so a pooled thread starts its next task clean.
 * The write history lives beside the frames, not in them, so that frames can be shared
 * constants: a routed call allocates nothing to enter, and its history only once it writes.
 * The AOP advisor does this for annotated methods; {@link #call} does it for code that is not a
 * Spring bean.
 */
public final class RoutingContextHolder {

	private static final ThreadLocal<Frame> current = new NamedThreadLocal<>("Replication routing context");

	private static final ThreadLocal<WriteHistory> writeHistory = new NamedThreadLocal<>(
			"Replication write history of the outermost routed call");

	private RoutingContextHolder() {
	}

	/**
	 * Enter a routed call that declares {@code declared} (or nothing), and return the frame to
	 * hand to {@link #exit}.
	 */
	public static Frame enter(@Nullable RoutingIntent declared) {
		Frame outer = current.get();
		if (outer == null) {
			Frame root = Frame.root(declared);
			current.set(root);
			return root;
		}
		RoutingIntent intent = RoutingIntent.combine(outer.intent, declared);
		if (intent == outer.intent) {
			// Nothing changes: the usual nesting (a repository inside a service) allocates nothing.
			return Frame.UNCHANGED;
		}
		Frame frame = new Frame(intent, outer);
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
		if (frame == Frame.UNCHANGED) {
			return;
		}
		if (frame.outer != null) {
			Frame top = current.get();
			if (top == frame || isAbove(top, frame)) {
				// Also unwinds frames entered inside this call and never exited.
				current.set(frame.outer);
			}
			// Otherwise its outermost call has ended already (or this is another thread): restoring
			// its caller would leave that frame on the thread for good.
			return;
		}
		// Cleared, not removed: the thread's map keeps its entries (with no value, nothing to
		// leak), where removing them made every outermost call allocate new ones.
		current.set(null);
		if (writeHistory.get() != null) {
			writeHistory.set(null);
		}
	}

	private static boolean isAbove(@Nullable Frame top, Frame frame) {
		for (Frame inner = top; inner != null; inner = inner.outer) {
			if (inner.outer == frame) {
				return true;
			}
		}
		return false;
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
		if (current.get() == null) {
			return null;
		}
		WriteHistory history = writeHistory.get();
		if (history == null && create) {
			history = new WriteHistory();
			writeHistory.set(history);
		}
		return history;
	}

	/**
	 * One routed call in progress: opaque to callers, who only hand it back to {@link #exit}.
	 * Immutable, so that the outermost frame of each intent, and the frame of a nested call that
	 * changes nothing, are shared constants: entering and leaving a routed call allocates only
	 * when a nested call changes the intent.
	 */
	public static final class Frame {

		private static final Frame UNCHANGED = new Frame(null, null);

		private static final Frame ROOT = new Frame(null, null);

		private static final Frame PRIMARY_ROOT = new Frame(RoutingIntent.PRIMARY, null);

		private static final Frame READ_ONLY_ROOT = new Frame(RoutingIntent.READ_ONLY, null);

		private final @Nullable RoutingIntent intent;

		private final @Nullable Frame outer;

		private Frame(@Nullable RoutingIntent intent, @Nullable Frame outer) {
			this.intent = intent;
			this.outer = outer;
		}

		private static Frame root(@Nullable RoutingIntent intent) {
			if (intent == null) {
				return ROOT;
			}
			return switch (intent) {
				case PRIMARY -> PRIMARY_ROOT;
				case READ_ONLY -> READ_ONLY_ROOT;
			};
		}

	}

}
