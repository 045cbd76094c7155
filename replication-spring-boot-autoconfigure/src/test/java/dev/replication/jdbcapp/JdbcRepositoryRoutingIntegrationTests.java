package dev.replication.jdbcapp;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;
import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingDecision.Reason;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.ThreadRoutingLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Data JDBC repositories routed by what their methods do, against the real primary and
 * replicas: query methods that read go to a replica, {@code @Modifying} ones to the primary.
 */
@SpringBootTest(classes = JdbcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JdbcRepositoryRoutingIntegrationTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@Autowired
	private JdbcNoteRepository notes;

	@Autowired
	private ThreadRoutingLog log;

	private final EmbeddedReplicationCluster cluster = SharedReplicationCluster.get();

	private JdbcNote note;

	@BeforeEach
	void createNote() {
		this.note = this.notes.save(new JdbcNote(null, "jdbc " + System.nanoTime()));
		this.cluster.awaitReplication();
	}

	@AfterEach
	void resumeReplay() {
		this.cluster.replicas().forEach(this.cluster::resumeReplay);
	}

	@Test
	void queryMethodsThatReadAreServedByAReplica() {
		assertThat(this.notes.servedByAReplica()).isTrue();
		assertReplica(this.log.single(() -> assertThat(this.notes.findByBodyStartingWith(this.note.getBody()))
			.hasSize(1)), Reason.READ_ONLY_ANNOTATION);
		assertReplica(this.log.single(() -> assertThat(this.notes.countByBodyStartingWith(this.note.getBody()))
			.isOne()), Reason.READ_ONLY_ANNOTATION);
		List<RoutingDecision> paging = this.log.during(() -> assertThat(
				this.notes.findPageByBodyStartingWith(this.note.getBody(), PageRequest.of(0, 1)).getContent())
			.hasSize(1));
		assertThat(paging).isNotEmpty().allSatisfy((decision) -> assertReplica(decision, Reason.READ_ONLY_ANNOTATION));
	}

	@Test
	void inheritedCrudReadsAreReadOnlyTransactions() {
		assertReplica(this.log.single(() -> assertThat(this.notes.findById(this.note.getId())).isPresent()),
				Reason.READ_ONLY_TRANSACTION);
	}

	@Test
	void explicitPrimaryWins() {
		assertThat(this.notes.servedByAReplicaThoughPrimary()).isFalse();
	}

	@Test
	void modifyingQueryRunsOnThePrimaryEvenInsideAReadOnlyCall() {
		RoutingDecision decision = this.log.single(() -> assertThat(call(RoutingIntent.READ_ONLY,
				() -> this.notes.rewrite(this.note.getId(), this.note.getBody() + " rewritten"))).isOne());
		assertThat(decision.node()).isEqualTo(this.cluster.primary().name());
		assertThat(decision.reason()).isEqualTo(Reason.PRIMARY_ANNOTATION);
	}

	@Test
	void readAfterAWriteInTheSameCallIsServedByThePrimaryNotAStaleReplica() {
		this.cluster.replicas().forEach(this.cluster::pauseReplay);
		String body = this.note.getBody() + " second";
		List<RoutingDecision> decisions = this.log.during(() -> call(null, () -> {
			this.notes.save(new JdbcNote(null, body));
			assertThat(this.notes.findByBodyStartingWith(body)).as("read back, not stale").hasSize(1);
			return null;
		}));
		assertThat(decisions).extracting(RoutingDecision::reason)
			.containsExactly(Reason.READ_WRITE_TRANSACTION, Reason.NOT_REPLAYED);
		assertReplica(this.log.single(() -> assertThat(this.notes.findByBodyStartingWith(body)).isEmpty()),
				Reason.READ_ONLY_ANNOTATION);
	}

	/**
	 * Run {@code task} as a routed call with {@code intent}, as an annotated service method would.
	 */
	private static <T> T call(RoutingIntent intent, Callable<T> task) {
		try {
			return RoutingContextHolder.call(intent, task);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void assertReplica(RoutingDecision decision, Reason reason) {
		assertThat(decision.node()).as("%s", decision).startsWith("replica-");
		assertThat(decision.reason()).as("%s", decision).isEqualTo(reason);
	}

}
