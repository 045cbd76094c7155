package dev.replication.routing;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Closes replaced pools on a daemon thread of its own, each once its connections in use have
 * been returned (or after a grace period): closing a Hikari pool at once would abort them. Idle
 * connections are let go at once. Every pool handed over is closed, at the latest when this is
 * closed.
 */
final class PoolRetirement implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(PoolRetirement.class);

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "replication-pool-retirement");
		thread.setDaemon(true);
		return thread;
	});

	/** Pools handed over and not closed yet. */
	private final Set<DataSource> retiring = ConcurrentHashMap.newKeySet();

	void retire(String node, DataSource pool) {
		this.retiring.add(pool);
		if (pool instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
			hikari.getHikariPoolMXBean().softEvictConnections();
		}
		this.executor.execute(() -> {
			long deadline = System.nanoTime() + GRACE.toNanos();
			while (activeConnections(pool) > 0 && System.nanoTime() < deadline) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			close(node, pool);
		});
	}

	/**
	 * Close every pool handed over, those still waiting for their connections too.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (DataSource pool : this.retiring) {
			close("retired", pool);
		}
	}

	private void close(String node, DataSource pool) {
		if (!this.retiring.remove(pool)) {
			return;
		}
		try {
			if (pool instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			logger.debug(node + " - could not close a replaced pool", ex);
		}
	}

	private static int activeConnections(DataSource pool) {
		if (pool instanceof HikariDataSource hikari) {
			HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
			return (bean != null) ? bean.getActiveConnections() : 0;
		}
		return 0;
	}

}
