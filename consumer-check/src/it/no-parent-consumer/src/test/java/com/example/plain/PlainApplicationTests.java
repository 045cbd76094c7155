package com.example.plain;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the application on the embedded cluster with only the dependencies our POMs declare, and
 * checks the server version and where read-only and read-write transactions run.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PlainApplicationTests {

	@Test
	void runsOnPostgres17AndSendsReadOnlyTransactionsToTheReplica() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlainApplication.class)
			.properties("replication.embedded.enabled=true", "replication.embedded.replicas=1")
			.run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			PlatformTransactionManager transactionManager = context.getBean(PlatformTransactionManager.class);
			TransactionTemplate readWrite = new TransactionTemplate(transactionManager);
			TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
			readOnly.setReadOnly(true);

			int version = jdbc.queryForObject("SHOW server_version_num", Integer.class);
			assertTrue(version >= 170000, "PostgreSQL 17 or later, but was " + version);
			assertEquals(Boolean.FALSE, readWrite.execute((status) -> inRecovery(jdbc)), "read-write on a standby");
			assertEquals(Boolean.TRUE, readOnly.execute((status) -> inRecovery(jdbc)), "read-only on the primary");
		}
	}

	private static Boolean inRecovery(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class);
	}

}
