package dev.replication.campaign;

import dev.replication.annotation.ReadOnly;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's reads of one row, the two ways an application asks for a replica.
 */
@Service
public class CampaignReads {

	private final JdbcTemplate jdbcTemplate;

	public CampaignReads(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Look for the row {@code id} under {@code @ReadOnly}, in auto-commit mode.
	 */
	@ReadOnly
	public Served readOnly(long id) {
		return read(id);
	}

	/**
	 * Look for the row {@code id} in a read-only transaction.
	 */
	@Transactional(readOnly = true)
	public Served readOnlyTransaction(long id) {
		return read(id);
	}

	private Served read(long id) {
		return this.jdbcTemplate.queryForObject(Served.READ_SQL,
				(rs, row) -> new Served(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3)), id);
	}

}
