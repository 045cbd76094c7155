package dev.replication.jpa;

import dev.replication.context.JpaOutsideTransaction;

import org.hibernate.SessionEventListener;

/**
 * Hibernate {@link SessionEventListener} that marks each statement a session prepares while no
 * transaction is active ({@link JpaOutsideTransaction}), so that the routing data source, which
 * decides at the first statement of a connection, serves it as a read. Hibernate brackets
 * exactly the preparation of a statement with these events, so the mark covers the moment the
 * lazy connection proxy fetches its real connection, and only statements of sessions: schema
 * management and other work Hibernate does outside a session is not marked.
 *
 * <p>Hibernate creates one listener per session, and a session is used by one thread at a time.
 */
public class JpaOutsideTransactionListener implements SessionEventListener {

	private static final long serialVersionUID = 1L;

	private transient boolean marked;

	@Override
	public void jdbcPrepareStatementStart() {
		this.marked = JpaOutsideTransaction.enter();
	}

	@Override
	public void jdbcPrepareStatementEnd() {
		if (this.marked) {
			this.marked = false;
			JpaOutsideTransaction.exit();
		}
	}

}
