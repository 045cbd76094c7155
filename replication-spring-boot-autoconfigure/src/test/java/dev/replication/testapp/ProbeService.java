package dev.replication.testapp;

import dev.replication.annotation.Primary;
import dev.replication.annotation.ReadOnly;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One method per routing rule, each reporting which node served it.
 */
@Service
public class ProbeService {

	private final NodeProbe probe;

	private final JdbcTemplate jdbcTemplate;

	public ProbeService(NodeProbe probe, JdbcTemplate jdbcTemplate) {
		this.probe = probe;
		this.jdbcTemplate = jdbcTemplate;
	}

	public ServedBy unannotated() {
		return this.probe.probe();
	}

	@ReadOnly
	public ServedBy readOnly() {
		return this.probe.probe();
	}

	@Primary
	public ServedBy primary() {
		return this.probe.probe();
	}

	@Transactional
	public ServedBy readWriteTransaction() {
		return this.probe.probe();
	}

	@Transactional(readOnly = true)
	public ServedBy readOnlyTransaction() {
		return this.probe.probe();
	}

	@Transactional(readOnly = true)
	public ServedBy[] twoProbesInAReadOnlyTransaction() {
		return new ServedBy[] { this.probe.probe(), this.probe.probe() };
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public ServedBy requiresNewReadOnlyTransaction() {
		return this.probe.probe();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public ServedBy requiresNewReadWriteTransaction() {
		return this.probe.probe();
	}

	/**
	 * Probe, run {@code between}, and probe again, all in one read-only transaction.
	 */
	@Transactional(readOnly = true)
	public ServedBy[] readOnlyTransactionAround(java.util.function.Consumer<ServedBy> between) {
		ServedBy first = this.probe.probe();
		between.accept(first);
		return new ServedBy[] { first, this.probe.probe() };
	}

	@ReadOnly
	public void writeUnderReadOnly(String body) {
		this.jdbcTemplate.update("INSERT INTO note (body) VALUES (?)", body);
	}

	/**
	 * Write a row and report which node took it.
	 */
	@Transactional
	public ServedBy writeAndProbe(String body) {
		this.jdbcTemplate.update("INSERT INTO note (body) VALUES (?)", body);
		return this.probe.probe();
	}

	@Transactional
	public long write(String body) {
		return this.jdbcTemplate.queryForObject("INSERT INTO note (body) VALUES (?) RETURNING id", Long.class, body);
	}

}
