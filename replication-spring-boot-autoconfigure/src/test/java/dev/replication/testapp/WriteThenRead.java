package dev.replication.testapp;

import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a user of an application does after posting: write a row in a read-write transaction,
 * then read it back with {@code @ReadOnly} semantics, both in one outermost routed call (the
 * caller whose token read-your-writes keeps).
 */
public final class WriteThenRead {

	static final String READ = "SELECT count(*), pg_is_in_recovery(), inet_server_port() FROM note WHERE id = ?";

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	public WriteThenRead(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
		this.jdbcTemplate = jdbcTemplate;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Write a row and read it back as one caller.
	 */
	public ReadBack once(String body) throws Exception {
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		try {
			long id = write(body);
			return read(id);
		}
		finally {
			RoutingContextHolder.exit(caller);
		}
	}

	/**
	 * Write a row in a read-write transaction and return its id.
	 */
	public long write(String body) {
		Long id = this.transactions.execute((status) -> this.jdbcTemplate
			.queryForObject("INSERT INTO note (body) VALUES (?) RETURNING id", Long.class, body));
		return id;
	}

	/**
	 * Read the row {@code id} as {@code @ReadOnly} would, in the current caller's scope.
	 */
	public ReadBack read(long id) throws Exception {
		return RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> this.jdbcTemplate.queryForObject(READ,
				(rs, row) -> new ReadBack(id, rs.getLong(1) == 1, rs.getBoolean(2), NodeProbe.nodeName(rs.getInt(3))),
				id));
	}

	/**
	 * What a read-back found.
	 *
	 * @param id the row read
	 * @param found whether the row was there (false: a stale read)
	 * @param replica whether a replica served the read
	 * @param node the node that served it
	 */
	public record ReadBack(long id, boolean found, boolean replica, String node) {
	}

}
