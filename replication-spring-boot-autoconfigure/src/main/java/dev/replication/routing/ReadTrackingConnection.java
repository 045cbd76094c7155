package dev.replication.routing;

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
final class ReadTrackingConnection extends DelegatingConnection {

	private static final Log logger = LogFactory.getLog(ReadTrackingConnection.class);

	private final ReplicationRouter router;

	private boolean statementsRun;

	private ReadTrackingConnection(Connection target, ReplicationRouter router) {
		super(target);
		this.router = router;
	}

	static Connection wrap(Connection target, ReplicationRouter router) {
		return new ReadTrackingConnection(target, router);
	}

	@Override
	void statementCreating() {
		this.statementsRun = true;
	}

	@Override
	public void close() throws SQLException {
		if (this.statementsRun && !target().isClosed()) {
			this.statementsRun = false;
			recordRead();
		}
		target().close();
	}

	private void recordRead() {
		try {
			this.router.recordRead(WalPositions.position(target()));
		}
		catch (SQLException ex) {
			// The connection broke after the reads: the pool drops it, and the caller's next read
			// is only held to what it wrote.
			logger.debug("Could not read the position of a node after a read", ex);
		}
	}

}
