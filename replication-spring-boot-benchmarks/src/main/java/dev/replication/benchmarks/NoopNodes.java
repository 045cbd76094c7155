package dev.replication.benchmarks;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.benchmarks.jdbc.NoopDriver;

/**
 * A primary and two replicas whose connections cost nothing: pools of {@link NoopDriver}
 * connections, so that only the layers above the pool are measured.
 */
final class NoopNodes implements Setups.Nodes {

	@Override
	public HikariDataSource pool(String name) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(NoopDriver.URL_PREFIX + name);
		pool.setPoolName(name);
		pool.setMaximumPoolSize(4);
		return pool;
	}

	@Override
	public String primary() {
		return "primary";
	}

	@Override
	public List<String> replicas() {
		return List.of("replica-1", "replica-2");
	}

}
