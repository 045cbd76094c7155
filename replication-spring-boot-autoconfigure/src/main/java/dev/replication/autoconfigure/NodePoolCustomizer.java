package dev.replication.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Called with every Hikari pool the starter creates for a node, before it is started: the pools
 * made at start-up and each pool that replaces a dead node's pool later. Components that must see
 * every pool (metrics, for one) use this rather than looking at the pools once at start-up, which
 * misses the replacements.
 */
@FunctionalInterface
public interface NodePoolCustomizer {

	/**
	 * Customize {@code pool}, just created for the node called {@code node} and not started yet.
	 */
	void customize(String node, HikariDataSource pool);

}
