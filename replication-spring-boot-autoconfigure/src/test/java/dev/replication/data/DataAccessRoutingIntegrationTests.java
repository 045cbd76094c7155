package dev.replication.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.replication.context.RoutingContextHolder;
import dev.replication.context.RoutingIntent;
import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;
import dev.replication.routing.RoutingDecision;
import dev.replication.routing.RoutingDecision.Reason;
import dev.replication.testapp.Author;
import dev.replication.testapp.AuthorRepository;
import dev.replication.testapp.Book;
import dev.replication.testapp.BookRepository;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.ThreadRoutingLog;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every data-access path of a Spring Boot application routed by the same rules, against the real
 * primary and replicas: the node that served each call is what the router reported for it, and
 * for the probes also what the server says of itself ({@code pg_is_in_recovery()}).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DataAccessRoutingIntegrationTests {

	private static final String PROBE = "SELECT pg_is_in_recovery()";

	@org.springframework.test.context.DynamicPropertySource
	static void cluster(org.springframework.test.context.DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@Autowired
	private ThreadRoutingLog log;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private NamedParameterJdbcTemplate namedParameterJdbcTemplate;

	@Autowired
	private JdbcClient jdbcClient;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private AuthorRepository authors;

	@Autowired
	private BookRepository books;

	private final EmbeddedReplicationCluster cluster = SharedReplicationCluster.get();

	private Author author;

	private Book book;

	@BeforeEach
	void createBook() {
		this.author = this.authors.save(new Author("Tolkien " + System.nanoTime()));
		this.book = this.books.save(new Book("Silmarillion " + this.author.getId(), this.author));
		this.cluster.awaitReplication();
	}

	@AfterEach
	void resumeReplay() {
		this.cluster.replicas().forEach(this.cluster::resumeReplay);
	}

	@Test
	void jdbcTemplateReadsOutsideATransactionGoToThePrimaryUnlessMarkedReadOnly() throws Exception {
		assertPrimary(this.log.single(() -> assertThat(probe(this.jdbcTemplate)).isFalse()), Reason.NOT_READ_ONLY);
		assertReplica(this.log.single(() -> assertThat(readOnly(() -> probe(this.jdbcTemplate))).isTrue()),
				Reason.READ_ONLY_ANNOTATION);
	}

	@Test
	void namedParameterJdbcTemplateFollowsTheSameRules() {
		String sql = "SELECT pg_is_in_recovery() FROM book WHERE id = :id";
		Map<String, Object> id = Map.of("id", this.book.getId());
		assertPrimary(this.log.single(() -> assertThat(
				this.namedParameterJdbcTemplate.queryForObject(sql, id, Boolean.class)).isFalse()),
				Reason.NOT_READ_ONLY);
		assertReplica(this.log.single(() -> assertThat(
				readOnly(() -> this.namedParameterJdbcTemplate.queryForObject(sql, id, Boolean.class))).isTrue()),
				Reason.READ_ONLY_ANNOTATION);
	}

	@Test
	void jdbcClientFollowsTheSameRules() {
		assertPrimary(this.log.single(() -> assertThat(this.jdbcClient.sql(PROBE).query(Boolean.class).single())
			.isFalse()), Reason.NOT_READ_ONLY);
		assertReplica(this.log.single(
				() -> assertThat(readOnly(() -> this.jdbcClient.sql(PROBE).query(Boolean.class).single())).isTrue()),
				Reason.READ_ONLY_ANNOTATION);
	}

	@Test
	void transactionTemplateRoutesByItsReadOnlyFlag() {
		TransactionTemplate template = new TransactionTemplate(this.transactionManager);
		template.setReadOnly(true);
		TransactionCallback<Boolean> probe = (status) -> probe(this.jdbcTemplate);
		assertReplica(this.log.single(() -> assertThat(template.execute(probe)).isTrue()),
				Reason.READ_ONLY_TRANSACTION);
		template.setReadOnly(false);
		assertPrimary(this.log.single(() -> assertThat(template.execute(probe)).isFalse()),
				Reason.READ_WRITE_TRANSACTION);
	}

	@Test
	void entityManagerOutsideATransactionReadsFromAReplica() {
		assertReplica(this.log.single(() -> assertThat(this.entityManager.find(Book.class, this.book.getId()))
			.isNotNull()), Reason.JPA_OUTSIDE_TRANSACTION);
		assertReplica(this.log.single(() -> assertThat(
				this.entityManager.createNativeQuery(PROBE, Boolean.class).getSingleResult()).isEqualTo(true)),
				Reason.JPA_OUTSIDE_TRANSACTION);
	}

	@Test
	void entityManagerInATransactionFollowsItsReadOnlyFlag() {
		TransactionTemplate template = new TransactionTemplate(this.transactionManager);
		assertPrimary(this.log.single(() -> template.executeWithoutResult((status) -> this.entityManager
			.find(Book.class, this.book.getId()))), Reason.READ_WRITE_TRANSACTION);
		template.setReadOnly(true);
		assertReplica(this.log.single(() -> template.executeWithoutResult((status) -> this.entityManager
			.find(Book.class, this.book.getId()))), Reason.READ_ONLY_TRANSACTION);
	}

	@Test
	void derivedFindersQueriesPagingAndSpecificationsReadFromAReplica() {
		String title = this.book.getTitle();
		assertReplica(this.log.single(() -> assertThat(this.books.findByTitleStartingWith(title)).hasSize(1)),
				Reason.READ_ONLY_ANNOTATION);
		assertReplica(this.log.single(() -> assertThat(this.books.withTitle(title)).isPresent()),
				Reason.READ_ONLY_ANNOTATION);
		assertReplica(this.log.single(() -> assertThat(this.books.countByTitleStartingWith(title)).isOne()),
				Reason.READ_ONLY_ANNOTATION);
		assertReplica(this.log.single(() -> assertThat(this.books.existsByTitle(title)).isTrue()),
				Reason.READ_ONLY_ANNOTATION);
		assertReplica(this.log.single(() -> assertThat(this.authors.findByName(this.author.getName())).isNotNull()),
				Reason.READ_ONLY_ANNOTATION);
		List<RoutingDecision> paging = this.log
			.during(() -> assertThat(this.books.findByAuthorName(this.author.getName(), PageRequest.of(0, 1))).isNotEmpty());
		assertThat(paging).isNotEmpty().allSatisfy((decision) -> assertReplica(decision, Reason.READ_ONLY_ANNOTATION));
		Specification<Book> byTitle = (root, query, cb) -> cb.equal(root.get("title"), title);
		assertReplica(this.log.single(() -> assertThat(this.books.findAll(byTitle)).hasSize(1)),
				Reason.READ_ONLY_TRANSACTION);
		assertReplica(this.log.single(() -> assertThat(this.books.findById(this.book.getId())).isPresent()),
				Reason.READ_ONLY_TRANSACTION);
		assertThat(this.books.servingPort()).isIn(this.cluster.replicas().stream().map((r) -> r.port()).toList());
	}

	@Test
	void explicitPrimaryOnAQueryMethodWins() {
		assertThat(this.books.servingPortOnThePrimary()).isEqualTo(this.cluster.primary().port());
	}

	@Test
	void queryMethodsInsideAReadWriteTransactionStayOnThePrimary() {
		TransactionTemplate template = new TransactionTemplate(this.transactionManager);
		assertPrimary(this.log.single(() -> template.executeWithoutResult(
				(status) -> assertThat(this.books.findByTitleStartingWith(this.book.getTitle())).hasSize(1))),
				Reason.READ_WRITE_TRANSACTION);
	}

	@Test
	void derivedDeleteAndModifyingQueriesGoToThePrimary() {
		assertPrimary(this.log.during(() -> assertThat(this.books.retitle(this.book.getId(), "Renamed " + this.book.getId()))
			.isOne()).get(0), Reason.READ_WRITE_TRANSACTION);
		assertPrimary(this.log.during(() -> assertThat(this.books.deleteByTitle("Renamed " + this.book.getId())).isOne())
			.get(0), Reason.READ_WRITE_TRANSACTION);
	}

	@Test
	void queryMethodAfterAWriteInTheSameCallReadsThePrimaryNotAStaleReplica() throws Exception {
		this.cluster.replicas().forEach(this.cluster::pauseReplay);
		String title = "Unfinished Tales " + this.author.getId();
		List<RoutingDecision> decisions = this.log.during(() -> call(null, () -> {
			this.books.save(new Book(title, this.author));
			assertThat(this.books.findByTitleStartingWith(title)).as("read back, not stale").hasSize(1);
			return null;
		}));
		assertThat(decisions).hasSize(2);
		assertPrimary(decisions.get(0), Reason.READ_WRITE_TRANSACTION);
		assertPrimary(decisions.get(1), Reason.NOT_REPLAYED);
		// Outside that call, a replica serves the read and has not replayed the row yet.
		assertReplica(this.log.single(() -> assertThat(this.books.findByTitleStartingWith(title)).isEmpty()),
				Reason.READ_ONLY_ANNOTATION);
	}

	private static Boolean probe(JdbcTemplate jdbcTemplate) {
		return jdbcTemplate.queryForObject(PROBE, Boolean.class);
	}

	private static <T> T readOnly(java.util.concurrent.Callable<T> task) {
		return call(RoutingIntent.READ_ONLY, task);
	}

	private static <T> T call(RoutingIntent intent, java.util.concurrent.Callable<T> task) {
		try {
			return RoutingContextHolder.call(intent, task);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void assertPrimary(RoutingDecision decision, Reason reason) {
		assertThat(decision.node()).as("%s", decision).isEqualTo(this.cluster.primary().name());
		assertThat(decision.reason()).as("%s", decision).isEqualTo(reason);
	}

	private void assertReplica(RoutingDecision decision, Reason reason) {
		assertThat(decision.primary()).as("%s", decision).isFalse();
		assertThat(decision.node()).as("%s", decision).startsWith("replica-");
		assertThat(decision.reason()).as("%s", decision).isEqualTo(reason);
	}

}
