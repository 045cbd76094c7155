package dev.replication.testapp;

import java.util.concurrent.CompletableFuture;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads one note in a read-only transaction (so on a replica unless read-your-writes keeps it on
 * the primary), reporting which node served it.
 */
@Service
public class NoteReader {

	private final JdbcTemplate jdbcTemplate;

	private final NodeProbe probe;

	public NoteReader(JdbcTemplate jdbcTemplate, NodeProbe probe) {
		this.jdbcTemplate = jdbcTemplate;
		this.probe = probe;
	}

	@Transactional(readOnly = true)
	public NoteView find(long id) {
		return view(this.jdbcTemplate, this.probe, id);
	}

	/**
	 * Read the note on another thread, as {@code @Async} hands it to the application's executor.
	 */
	@Async
	@Transactional(readOnly = true)
	public CompletableFuture<NoteView> findAsync(long id) {
		return CompletableFuture.completedFuture(view(this.jdbcTemplate, this.probe, id));
	}

	/**
	 * Return what the current connection sees of note {@code id}: both queries run on one
	 * connection, so on one node.
	 */
	public static NoteView view(JdbcTemplate jdbcTemplate, NodeProbe probe, long id) {
		Long count = jdbcTemplate.queryForObject("SELECT count(*) FROM note WHERE id = ?", Long.class, id);
		ServedBy servedBy = probe.probe();
		return new NoteView(id, count != null && count > 0, servedBy.node(), servedBy.inRecovery());
	}

}
