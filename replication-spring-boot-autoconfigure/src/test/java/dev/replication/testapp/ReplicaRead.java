package dev.replication.testapp;

import java.util.concurrent.Callable;

/**
 * Waits until a read of a row written earlier is served by a replica, checking on the way that
 * no read was stale.
 */
public final class ReplicaRead {

	private ReplicaRead() {
	}

	/**
	 * Read through {@code read} until a replica serves it, at most {@code timeoutMillis}; fail if
	 * any read misses the row. Return the view the replica served.
	 */
	public static NoteView await(String what, Callable<NoteView> read, long timeoutMillis) throws Exception {
		long start = System.nanoTime();
		long deadline = start + timeoutMillis * 1_000_000L;
		while (true) {
			NoteView view = read.call();
			if (!view.found()) {
				throw new AssertionError("Stale read of note " + view.id() + " from " + view.node());
			}
			if (view.inRecovery()) {
				System.out.printf("MEASURED %s: first read from a replica (%s) %d ms after replay resumed%n", what,
						view.node(), (System.nanoTime() - start) / 1_000_000);
				return view;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still read from " + view.node() + " after " + timeoutMillis + " ms");
			}
			Thread.sleep(50);
		}
	}

}
