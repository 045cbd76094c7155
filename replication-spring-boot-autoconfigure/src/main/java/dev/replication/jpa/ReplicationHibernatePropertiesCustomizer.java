package dev.replication.jpa;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Makes Hibernate route each transaction of an open-in-view request on its own: it gives the
 * connection back after every transaction (and after every statement outside one) instead of
 * holding the first one it fetched (a replica's, perhaps) until the request ends. Then lets the
 * statements sessions prepare outside a transaction be routed as reads, through a
 * {@link JpaOutsideTransactionListener}, unless Hibernate is told to hold its connections. A
 * setting the application made itself is left alone.
 */
public class ReplicationHibernatePropertiesCustomizer implements HibernatePropertiesCustomizer {

	/**
	 * Hibernate's connection handling setting.
	 */
	public static final String CONNECTION_HANDLING = "hibernate.connection.handling_mode";

	/**
	 * Hibernate's setting of the listener added to every session.
	 */
	public static final String SESSION_LISTENER = "hibernate.session.events.auto";

	/**
	 * Acquire on first use, give back when the transaction (or the statement, outside one) ends.
	 */
	public static final String RELEASE_AFTER_TRANSACTION = "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION";

	private static final Log logger = LogFactory.getLog(ReplicationHibernatePropertiesCustomizer.class);

	@Override
	public void customize(Map<String, Object> properties) {
		Object handling = properties.putIfAbsent(CONNECTION_HANDLING, RELEASE_AFTER_TRANSACTION);
		if (handling != null && !String.valueOf(handling).contains("RELEASE_AFTER_")) {
			// A held connection keeps the node of the request's first statement: a read on a replica
			// outside a transaction would then take the request's later writes there too.
			logger.warn("'spring.jpa.properties." + CONNECTION_HANDLING + "' is [" + handling
					+ "]: with open-in-view, a request runs its later transactions on the node of its first one,"
					+ " and JPA reads outside a transaction go to the primary");
			return;
		}
		Object listener = properties.putIfAbsent(SESSION_LISTENER, JpaOutsideTransactionListener.class.getName());
		if (listener != null && !JpaOutsideTransactionListener.class.getName().equals(String.valueOf(listener))) {
			logger.info("'spring.jpa.properties." + SESSION_LISTENER + "' is [" + listener
					+ "]: JPA reads outside a transaction go to the primary");
		}
	}

}
