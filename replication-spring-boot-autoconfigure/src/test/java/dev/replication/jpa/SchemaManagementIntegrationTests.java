package dev.replication.jpa;

import java.util.concurrent.TimeUnit;

import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate's schema management runs its DDL on the primary: it works outside any transaction,
 * but outside a session too, so it is not taken for a JPA read.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.jpa.hibernate.ddl-auto=update")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SchemaManagementIntegrationTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void ddlAutoUpdateCreatesTablesOnThePrimary() {
		assertThat(this.jdbcTemplate.queryForObject("SELECT to_regclass('shelf') IS NOT NULL", Boolean.class))
			.isTrue();
	}

}
