package dev.replication.routing;

import java.util.List;

import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.InterfaceAnnotatedService;
import dev.replication.testapp.NestingService;
import dev.replication.testapp.Note;
import dev.replication.testapp.NoteRepository;
import dev.replication.testapp.NodeProbe;
import dev.replication.testapp.ProbeService;
import dev.replication.testapp.ServedBy;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.TypeAnnotatedService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each routing rule of the README, checked against the real primary and replicas: the node that
 * served a statement is identified by its port and {@code pg_is_in_recovery()}.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RoutingRulesIntegrationTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@Autowired
	private ProbeService service;

	@Autowired
	private NestingService nesting;

	@Autowired
	private InterfaceAnnotatedService interfaceAnnotated;

	@Autowired
	private TypeAnnotatedService typeAnnotated;

	@Autowired
	private NodeProbe probe;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private JdbcClient jdbcClient;

	@Autowired
	private NoteRepository notes;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private final EmbeddedReplicationCluster cluster = SharedReplicationCluster.get();

	@Test
	void unannotatedCallWithoutTransactionIsServedByThePrimary() {
		assertPrimary(this.service.unannotated());
		assertPrimary(this.probe.probe());
	}

	@Test
	void plainJdbcClientQueryIsServedByThePrimary() {
		int port = this.jdbcClient.sql("SELECT inet_server_port()").query(Integer.class).single();
		assertThat(port).isEqualTo(this.cluster.primary().port());
	}

	@Test
	void readOnlyMethodIsServedByAReplica() {
		assertReplica(this.service.readOnly());
	}

	@Test
	void primaryMethodIsServedByThePrimary() {
		assertPrimary(this.service.primary());
	}

	@Test
	void readWriteTransactionIsServedByThePrimary() {
		assertPrimary(this.service.readWriteTransaction());
	}

	@Test
	void readOnlyTransactionIsServedByAReplica() {
		assertReplica(this.service.readOnlyTransaction());
	}

	@Test
	void programmaticReadOnlyTransactionIsServedByAReplica() {
		TransactionTemplate template = new TransactionTemplate(this.transactionManager);
		template.setReadOnly(true);
		assertReplica(template.execute((status) -> this.probe.probe()));
		template.setReadOnly(false);
		assertPrimary(template.execute((status) -> this.probe.probe()));
	}

	@Test
	void connectionNeverSwitchesInsideATransaction() {
		for (int i = 0; i < 4; i++) {
			ServedBy[] probes = this.service.twoProbesInAReadOnlyTransaction();
			assertReplica(probes[0]);
			assertThat(probes[1]).isEqualTo(probes[0]);
		}
	}

	@Test
	void readOnlyCallNestedInAReadWriteTransactionStaysOnThePrimary() {
		assertPrimary(this.nesting.readOnlyInsideReadWriteTransaction());
		assertPrimary(this.nesting.readOnlyTransactionJoiningReadWriteTransaction());
	}

	@Test
	void readOnlyCallNestedInAPrimaryCallStaysOnThePrimary() {
		assertPrimary(this.nesting.readOnlyInsidePrimary());
		assertPrimary(this.nesting.readOnlyTransactionInsidePrimary());
	}

	@Test
	void primaryCallNestedInAReadOnlyCallGoesToThePrimary() {
		assertPrimary(this.nesting.primaryInsideReadOnly());
		assertPrimary(this.nesting.readWriteTransactionInsideReadOnly());
	}

	@Test
	void requiresNewInsideAReadWriteTransactionStartsAFreshDecision() {
		ServedBy[] probes = this.nesting.requiresNewReadOnlyInsideReadWriteTransaction();
		assertPrimary(probes[0]);
		assertReplica(probes[1]);
		// Back in the outer transaction: its connection, on the primary.
		assertThat(probes[2]).isEqualTo(probes[0]);
	}

	@Test
	void requiresNewReadWriteInsideAReadOnlyTransactionGoesToThePrimary() {
		ServedBy[] probes = this.nesting.requiresNewReadWriteInsideReadOnlyTransaction();
		assertReplica(probes[0]);
		assertPrimary(probes[1]);
	}

	@Test
	void annotationsOnAnInterfaceAreHonoured() {
		assertReplica(this.interfaceAnnotated.readDeclaredReadOnly());
		assertPrimary(this.interfaceAnnotated.readDeclaredPrimary());
	}

	@Test
	void methodAnnotationBeatsTypeAnnotation() {
		assertReplica(this.typeAnnotated.inheritsTypeAnnotation());
		assertPrimary(this.typeAnnotated.overridesTypeAnnotation());
	}

	@Test
	void writeUnderReadOnlyIsRefusedAndChangesNothing() {
		long before = countOnPrimary();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.service.writeUnderReadOnly("refused"))
			.withMessageContaining("read-only transaction");
		assertThat(countOnPrimary()).isEqualTo(before);
	}

	@Test
	void writeUnderReadOnlyIsRefusedEvenWhenReadYourWritesKeepsItOnThePrimary() {
		long before = countOnPrimary();
		// No replica replays the first write: read-your-writes keeps the @ReadOnly call on the primary.
		pauseReplay();
		try {
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> this.nesting.readAfterWriteThenWriteUnderReadOnly())
				.withMessageContaining("read-only transaction");
		}
		finally {
			resumeReplay();
		}
		// Only the first, legitimate write happened.
		assertThat(countOnPrimary()).isEqualTo(before + 1);
	}

	@Test
	void readAfterAWriteInTheSameRoutedCallIsServedByThePrimaryWhileNoReplicaHasReplayedIt() {
		pauseReplay();
		try {
			assertPrimary(this.nesting.readAfterWriteInOneCall("sticky"));
		}
		finally {
			resumeReplay();
		}
	}

	private void pauseReplay() {
		this.cluster.replicas().forEach(this.cluster::pauseReplay);
	}

	private void resumeReplay() {
		this.cluster.replicas().forEach(this.cluster::resumeReplay);
		this.cluster.awaitReplication();
	}

	@Test
	void writeIsForgottenWhenTheOutermostRoutedCallReturns() {
		this.nesting.readAfterWriteInOneCall("forgotten");
		assertReplica(this.nesting.readWithoutWriteInOneCall());
		assertReplica(this.service.readOnly());
	}

	@Test
	void springDataRepositoryQueryMethodAnnotatedReadOnlyIsServedByAReplica() {
		assertThat(this.notes.servingPort()).isIn(replicaPorts());
	}

	@Test
	void springDataRepositoryQueryMethodWithoutAnnotationOrTransactionIsServedByAReplica() {
		assertThat(this.notes.servingPortUnannotated()).isIn(replicaPorts());
	}

	@Test
	void springDataRepositoryReadDoesNotSeeARowItsReplicaHasNotReplayed() {
		this.cluster.replicas().forEach(this.cluster::pauseReplay);
		try {
			Note saved = this.notes.save(new Note("written while replicas are paused"));
			// save() ran in a read-write transaction: the row is on the primary ...
			assertThat(this.jdbcTemplate.queryForObject("SELECT count(*) FROM note WHERE id = ?", Long.class,
					saved.getId()))
				.isEqualTo(1);
			// ... but findById() runs in a read-only transaction on a replica, which has not replayed it.
			assertThat(this.notes.findById(saved.getId())).isEmpty();
		}
		finally {
			this.cluster.replicas().forEach(this.cluster::resumeReplay);
		}
		this.cluster.awaitReplication();
	}

	private long countOnPrimary() {
		return this.jdbcTemplate.queryForObject("SELECT count(*) FROM note", Long.class);
	}

	private List<Integer> replicaPorts() {
		return this.cluster.replicas().stream().map((node) -> node.port()).toList();
	}

	private void assertPrimary(ServedBy servedBy) {
		assertThat(servedBy.isPrimary()).as("served by the primary: %s", servedBy).isTrue();
		assertThat(servedBy.port()).isEqualTo(this.cluster.primary().port());
	}

	private void assertReplica(ServedBy servedBy) {
		assertThat(servedBy.isReplica()).as("served by a replica: %s", servedBy).isTrue();
		assertThat(servedBy.port()).isIn(replicaPorts());
	}

}
