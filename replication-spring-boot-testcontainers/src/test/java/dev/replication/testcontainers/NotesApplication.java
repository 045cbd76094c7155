package dev.replication.testcontainers;

import dev.replication.annotation.ReadOnly;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application the tests route through: it writes notes and reads them back, and says which
 * node served each query ({@code cluster_name}, set per container) and whether it was a standby.
 */
@SpringBootApplication
class NotesApplication {

	static final String SCHEMA = "CREATE TABLE IF NOT EXISTS note (id bigserial PRIMARY KEY, body text NOT NULL)";

	/**
	 * What one query saw and where.
	 */
	record Served(long id, boolean found, String node, boolean inRecovery) {
	}

	@Service
	static class Notes {

		private static final String PROBE = "current_setting('cluster_name'), pg_is_in_recovery()";

		private final JdbcTemplate jdbcTemplate;

		Notes(JdbcTemplate jdbcTemplate) {
			this.jdbcTemplate = jdbcTemplate;
		}

		@Transactional
		public Served write(String body) {
			return this.jdbcTemplate.queryForObject("INSERT INTO note (body) VALUES (?) RETURNING id, " + PROBE,
					(rs, row) -> new Served(rs.getLong(1), true, rs.getString(2), rs.getBoolean(3)), body);
		}

		@ReadOnly
		public Served read(long id) {
			return this.jdbcTemplate.queryForObject("SELECT count(*), " + PROBE + " FROM note WHERE id = ?",
					(rs, row) -> new Served(id, rs.getLong(1) == 1, rs.getString(2), rs.getBoolean(3)), id);
		}

	}

}
