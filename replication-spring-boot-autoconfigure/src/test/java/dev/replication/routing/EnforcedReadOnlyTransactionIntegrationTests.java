package dev.replication.routing;

import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction manager that enforces read-only transactions with a statement
 * ({@code setEnforceReadOnly(true)}) runs it before it makes the transaction known: the connection,
 * marked read-only by then, is still routed as a read-only transaction, to a replica.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EnforcedReadOnlyTransactionIntegrationTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void readOnlyTransactionEnforcedByAStatementIsServedByAReplica() {
		DataSourceTransactionManager enforcing = new DataSourceTransactionManager(this.dataSource);
		enforcing.setEnforceReadOnly(true);
		TransactionTemplate readOnly = new TransactionTemplate(enforcing);
		readOnly.setReadOnly(true);
		for (int i = 0; i < 4; i++) {
			Boolean inRecovery = readOnly.execute(
					(status) -> this.jdbcTemplate.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
			assertThat(inRecovery).as("served by a replica").isTrue();
		}
		TransactionTemplate readWrite = new TransactionTemplate(enforcing);
		Boolean inRecovery = readWrite.execute(
				(status) -> this.jdbcTemplate.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
		assertThat(inRecovery).as("a read-write transaction still on the primary").isFalse();
	}

}
