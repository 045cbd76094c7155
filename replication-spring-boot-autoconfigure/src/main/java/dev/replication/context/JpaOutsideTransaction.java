package dev.replication.context;

import org.springframework.core.NamedThreadLocal;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks, per thread, the moment JPA creates a statement while no transaction is active: JPA
 * cannot write then (nothing is flushed without a transaction), so the router may serve the
 * statement as a read, for example lazy loading while an open-in-view request renders its page.
 *
 * <p>The mark is set only around the preparation of a statement, which is when a connection of
 * the {@link dev.replication.routing.ReplicationDataSource} fetches its pooled connection, and
 * removed right after it.
 */
public final class JpaOutsideTransaction {

	private static final ThreadLocal<Boolean> current = new NamedThreadLocal<>("JPA statement outside a transaction");

	private JpaOutsideTransaction() {
	}

	/**
	 * Mark the statement JPA is about to create, unless a transaction is active, and return
	 * whether it was marked; a {@code true} result must be paired with {@link #exit()}.
	 */
	public static boolean enter() {
		// Deciding here, not when the connection was fetched: JpaTransactionManager fetches it
		// before the transaction is actually active.
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return false;
		}
		current.set(Boolean.TRUE);
		return true;
	}

	/**
	 * Remove the mark set by {@link #enter()}.
	 */
	public static void exit() {
		current.remove();
	}

	/**
	 * Return whether JPA is creating a statement outside a transaction on this thread.
	 */
	public static boolean isActive() {
		return current.get() != null;
	}

}
