package com.example.consumer;

import dev.replication.annotation.Primary;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads notes the way a user's service does, and says which kind of node ran each call.
 */
@Service
public class NoteService {

	private final JdbcTemplate jdbc;

	public NoteService(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public void createTable() {
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS note (body text NOT NULL)");
	}

	/**
	 * Add a note; return whether the node that took it is a standby (it must not be).
	 */
	@Transactional
	public boolean add(String body) {
		this.jdbc.update("INSERT INTO note (body) VALUES (?)", body);
		return inRecovery();
	}

	@Transactional(readOnly = true)
	public Read readOnly(String body) {
		return read(body);
	}

	@Primary
	@Transactional(readOnly = true)
	public Read fromPrimary(String body) {
		return read(body);
	}

	private Read read(String body) {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM note WHERE body = ?", Integer.class, body);
		return new Read(inRecovery(), count);
	}

	private boolean inRecovery() {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
	}

	/**
	 * What a read saw: whether its node is a standby, and how many notes matched.
	 */
	public record Read(boolean inRecovery, int count) {
	}

}
