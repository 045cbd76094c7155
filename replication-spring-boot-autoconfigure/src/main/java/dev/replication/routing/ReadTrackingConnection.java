package dev.replication.routing;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Wraps a connection handed out for reads when reads are monotonic: when it is closed after
 * running statements, asks its node how far it has got (replayed on a standby, written on a
 * primary) and moves the caller's token there. That position is read after the reads, so it
 * covers everything they saw; the health monitor's cached position, older, would not.
 */
final class ReadTrackingConnection extends ConnectionDecorator {

	private static final Log logger = LogFactory.getLog(ReadTrackingConnection.class);

	private final Connection target;

	private final ReplicationRouter router;

	private boolean statementsRun;

	private ReadTrackingConnection(Connection target, ReplicationRouter router) {
		this.target = target;
		this.router = router;
	}

	static Connection wrap(Connection target, ReplicationRouter router) {
		return proxy(new ReadTrackingConnection(target, router));
	}

	@Override
	Connection target() {
		return this.target;
	}

	@Override
	Object handle(Object proxy, Method method, Object[] args) throws Throwable {
		switch (method.getName()) {
			case "createStatement":
			case "prepareStatement":
			case "prepareCall":
				this.statementsRun = true;
				break;
			case "close":
				if (this.statementsRun && !this.target.isClosed()) {
					this.statementsRun = false;
					recordRead();
				}
				break;
			default:
				break;
		}
		return call(this.target, method, args);
	}

	private void recordRead() {
		try {
			this.router.recordRead(WalPositions.position(this.target));
		}
		catch (SQLException ex) {
			// The connection broke after the reads: the pool drops it, and the caller's next read
			// is only held to what it wrote.
			logger.debug("Could not read the position of a node after a read", ex);
		}
	}

}
