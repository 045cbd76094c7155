package dev.replication.autoconfigure;

/**
 * Thrown at start-up when {@code replication.*} configuration cannot work, naming the property
 * and the fix for {@link InvalidReplicationConfigurationFailureAnalyzer}.
 */
public class InvalidReplicationConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Create an exception for {@code property}, whose problem is {@code description} and whose
	 * fix is {@code action}.
	 */
	public InvalidReplicationConfigurationException(String property, String description, String action) {
		super("Property '" + property + "' " + description);
		this.property = property;
		this.action = action;
	}

	/**
	 * Return the name of the property at fault.
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what to do about it.
	 */
	public String getAction() {
		return this.action;
	}

}
