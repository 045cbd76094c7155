package dev.replication.jpa;

import java.util.concurrent.TimeUnit;

import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.Note;
import dev.replication.testapp.TestApplication;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction JPA runs by itself, unknown to Spring (an application-managed
 * {@code EntityManager} with {@code getTransaction().begin()}), writes on the primary: its
 * statements are not taken for JPA reading outside a transaction, which would send its inserts to
 * a replica, and its write is read back fresh with every replica's replay paused.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ApplicationManagedTransactionIntegrationTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	private final EmbeddedReplicationCluster cluster = SharedReplicationCluster.get();

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@AfterEach
	void resumeReplay() {
		this.cluster.replicas().forEach(this.cluster::resumeReplay);
		this.cluster.awaitReplication();
	}

	@Test
	void entityManagersOwnTransactionWritesOnThePrimaryAndIsReadBackFresh() throws Exception {
		this.cluster.replicas().forEach(this.cluster::pauseReplay);
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			Note note = new Note("written in the EntityManager's own transaction");
			entityManager.persist(note);
			String writer = (String) entityManager
				.createNativeQuery("SELECT CASE WHEN pg_is_in_recovery() THEN 'replica' ELSE 'primary' END")
				.getSingleResult();
			entityManager.getTransaction().commit();
			assertThat(writer).isEqualTo("primary");
			Long found = RoutingContextHolder.call(RoutingIntent.READ_ONLY, () -> this.jdbcTemplate
				.queryForObject("SELECT count(*) FROM note WHERE id = ?", Long.class, note.getId()));
			assertThat(found).as("read back with every replica paused").isEqualTo(1);
		}
		finally {
			if (entityManager.getTransaction().isActive()) {
				entityManager.getTransaction().rollback();
			}
			entityManager.close();
			RoutingContextHolder.exit(caller);
		}
	}

}
