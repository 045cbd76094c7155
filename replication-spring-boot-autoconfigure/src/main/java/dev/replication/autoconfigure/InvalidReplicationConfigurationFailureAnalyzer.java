package dev.replication.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidReplicationConfigurationException} into a start-up report that names
 * the property and the fix.
 */
class InvalidReplicationConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidReplicationConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidReplicationConfigurationException cause) {
		return new FailureAnalysis("Invalid replication configuration: " + cause.getMessage() + ".",
				cause.getAction(), cause);
	}

}
