package dev.replication.context;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * Hands read-your-writes over to other threads: capture the current caller's
 * {@link ConsistencyToken} where the caller runs, and run work elsewhere under it, so that work
 * handed off by a writer reads that writer's writes.
 *
 * <p>Only the token, a small immutable value, crosses threads, never the request or session it
 * was read from. Writes made by the handed-off work are remembered for that work's own later
 * reads, and do not flow back to the caller (whose request may be over by then): a caller that
 * waits for the work and must read its writes hands the work's {@link #currentToken() token}
 * back to {@link #advance}.
 *
 * <p>Spring's task executors and schedulers get this through {@link ReadYourWritesTaskDecorator};
 * Micrometer context-propagation through {@link ReadYourWritesThreadLocalAccessor}.
 */
public class ReadYourWrites {

	private final WriteHistoryScope scope;

	/**
	 * Create hand-offs for callers whose writes {@code scope} keeps.
	 */
	public ReadYourWrites(WriteHistoryScope scope) {
		this.scope = scope;
	}

	/**
	 * Return what the current caller has written, {@link ConsistencyToken#NONE} if nothing (or
	 * no scope is active).
	 */
	public ConsistencyToken currentToken() {
		WriteHistory history = this.scope.current(false);
		return (history != null) ? history.token() : ConsistencyToken.NONE;
	}

	/**
	 * Merge {@code token}, such as one a finished task returned, into the current caller's
	 * writes, so that its later reads see them too. Does nothing where no scope is active.
	 */
	public void advance(ConsistencyToken token) {
		if (token.isEmpty()) {
			return;
		}
		WriteHistory history = this.scope.current(true);
		if (history != null) {
			history.advance(token);
		}
	}

	/**
	 * Return {@code task} bound to the current caller's token, to run on any thread.
	 */
	public Runnable wrap(Runnable task) {
		ConsistencyToken token = currentToken();
		return () -> run(token, task);
	}

	/**
	 * Return {@code task} bound to the current caller's token, to run on any thread.
	 */
	public <T extends @Nullable Object> Callable<T> wrap(Callable<T> task) {
		ConsistencyToken token = currentToken();
		return () -> call(token, task);
	}

	/**
	 * Run {@code task} on this thread with the writes {@code token} records, in a routing frame
	 * of its own that is always cleared.
	 */
	public static void run(ConsistencyToken token, Runnable task) {
		RoutingContextHolder.Frame frame = RoutingContextHolder.enterFrom(token);
		try {
			task.run();
		}
		finally {
			RoutingContextHolder.exit(frame);
		}
	}

	/**
	 * Call {@code task} on this thread with the writes {@code token} records, in a routing frame
	 * of its own that is always cleared, and return its result.
	 */
	public static <T extends @Nullable Object> T call(ConsistencyToken token, Callable<T> task) throws Exception {
		RoutingContextHolder.Frame frame = RoutingContextHolder.enterFrom(token);
		try {
			return task.call();
		}
		finally {
			RoutingContextHolder.exit(frame);
		}
	}

}
