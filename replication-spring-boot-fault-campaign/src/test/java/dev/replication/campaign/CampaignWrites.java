package dev.replication.campaign;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's writes: one row per call, with an id the client chose, so that a row lost at a
 * failover can never be mistaken for one written again later under the same id.
 */
@Service
public class CampaignWrites {

	static final String TABLE = "CREATE TABLE campaign_write (id bigint PRIMARY KEY, client int NOT NULL, "
			+ "seq bigint NOT NULL, written_at timestamptz NOT NULL DEFAULT clock_timestamp())";

	private final JdbcTemplate jdbcTemplate;

	public CampaignWrites(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Insert the row {@code id} and return the server that took it, as it reported itself in the
	 * same statement.
	 */
	@Transactional
	public Served insert(long id, int client, long seq) {
		return this.jdbcTemplate.queryForObject(
				"INSERT INTO campaign_write (id, client, seq) VALUES (?, ?, ?) RETURNING inet_server_port(), pg_is_in_recovery()",
				(rs, row) -> new Served(rs.getInt(1), rs.getBoolean(2), true), id, client, seq);
	}

}
