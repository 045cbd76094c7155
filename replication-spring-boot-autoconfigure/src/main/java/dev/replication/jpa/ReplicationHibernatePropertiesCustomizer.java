package dev.replication.jpa;

import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Makes Hibernate route each transaction of an open-in-view request on its own: it gives the
 * connection back after every transaction instead of holding the first one it fetched (a
 * replica, perhaps) until the request ends, and fetches connections through a
 * {@link ReplicationConnectionProvider}. A setting the application made itself is left alone.
 */
public class ReplicationHibernatePropertiesCustomizer implements HibernatePropertiesCustomizer {

	/**
	 * Hibernate's connection handling setting.
	 */
	public static final String CONNECTION_HANDLING = "hibernate.connection.handling_mode";

	/**
	 * Hibernate's connection provider setting.
	 */
	public static final String CONNECTION_PROVIDER = "hibernate.connection.provider_class";

	/**
	 * Acquire on first use, give back when the transaction (or the statement, outside one) ends.
	 */
	public static final String RELEASE_AFTER_TRANSACTION = "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION";

	private static final Log logger = LogFactory.getLog(ReplicationHibernatePropertiesCustomizer.class);

	private final DataSource dataSource;

	/**
	 * Create a customizer for an EntityManagerFactory over {@code dataSource}.
	 */
	public ReplicationHibernatePropertiesCustomizer(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void customize(Map<String, Object> properties) {
		Object handling = properties.putIfAbsent(CONNECTION_HANDLING, RELEASE_AFTER_TRANSACTION);
		if (handling != null && !RELEASE_AFTER_TRANSACTION.equals(String.valueOf(handling))) {
			logger.warn("'spring.jpa.properties." + CONNECTION_HANDLING + "' is [" + handling
					+ "]: with open-in-view, a request may run later transactions on the node of its first one");
		}
		if (properties.putIfAbsent(CONNECTION_PROVIDER, new ReplicationConnectionProvider(this.dataSource)) != null) {
			logger.info("'spring.jpa.properties." + CONNECTION_PROVIDER
					+ "' is set: JPA reads outside a transaction go to the primary");
		}
	}

}
