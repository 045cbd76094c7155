package dev.replication.routing;

import java.time.Duration;
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
 * been returned (or after a grace period): closing a Hikari pool at once would abort them.
 */
final class PoolRetirement implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(PoolRetirement.class);

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "replication-pool-retirement");
		thread.setDaemon(true);
		return thread;
	});

	void retire(String node, DataSource pool) {
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
			try {
				if (pool instanceof AutoCloseable closeable) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				logger.debug(node + " - could not close a replaced pool", ex);
			}
		});
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
