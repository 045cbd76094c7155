package dev.replication.context;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.replication.testapp.Browser;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.NodeProbe;
import dev.replication.testapp.NoteReader;
import dev.replication.testapp.NoteView;
import dev.replication.testapp.PausedReplicas;
import dev.replication.testapp.TestApplication;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes handed to other threads, with replay paused on every replica: {@code @Async}
 * methods, {@link TransactionTemplate} jobs on Spring's executors and schedulers, and Micrometer
 * context snapshots read what was written before the hand-off; a task's own writes stay with the
 * task and never with the next task of its pooled thread.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "replication.read-your-writes.mode=lsn", "replication.read-your-writes.window=1h" })
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadYourWritesHandOffIntegrationTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	private AsyncTaskExecutor applicationTaskExecutor;

	@Autowired
	private ThreadPoolTaskExecutorBuilder executorBuilder;

	@Autowired
	private ThreadPoolTaskSchedulerBuilder schedulerBuilder;

	@Autowired
	private ReadYourWrites readYourWrites;

	@Autowired
	private ReadYourWritesTaskDecorator decorator;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private NodeProbe probe;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void asyncMethodCalledAfterAWriteReadsTheRow() throws Exception {
		try (PausedReplicas paused = PausedReplicas.all()) {
			NoteView read = Browser.note(new Browser().postForm(url("/notes/async"), "read by @Async"));
			assertFromPrimary(read);
			assertStaleOnReplicas(read.id());
		}
	}

	@Test
	void transactionTemplateJobStartedAfterAWriteReadsTheRow() throws Exception {
		try (PausedReplicas paused = PausedReplicas.all()) {
			NoteView read = Browser.note(new Browser().postForm(url("/notes/job"), "read by a job"));
			assertFromPrimary(read);
			assertStaleOnReplicas(read.id());
		}
	}

	@Test
	void jobOnAPooledThreadReadsWhatItWrote() throws Exception {
		try (PausedReplicas paused = PausedReplicas.all()) {
			NoteView read = this.applicationTaskExecutor.submit(() -> find(write("written by a job")))
				.get(30, TimeUnit.SECONDS);
			assertFromPrimary(read);
			assertStaleOnReplicas(read.id());
		}
	}

	@Test
	void scheduledRunReadsWhatItWrote() throws Exception {
		ThreadPoolTaskScheduler scheduler = this.schedulerBuilder.build();
		scheduler.initialize();
		try (PausedReplicas paused = PausedReplicas.all()) {
			CompletableFuture<NoteView> result = new CompletableFuture<>();
			scheduler.schedule(() -> {
				try {
					result.complete(find(write("written by a scheduled run")));
				}
				catch (Throwable ex) {
					result.completeExceptionally(ex);
				}
			}, Instant.now());
			NoteView read = result.get(30, TimeUnit.SECONDS);
			assertFromPrimary(read);
			assertStaleOnReplicas(read.id());
		}
		finally {
			scheduler.shutdown();
		}
	}

	@Test
	void writingTaskLeavesNothingForTheNextTaskOfItsThread() throws Exception {
		ThreadPoolTaskExecutor single = this.executorBuilder.corePoolSize(1).maxPoolSize(1).build();
		single.initialize();
		try (PausedReplicas paused = PausedReplicas.all()) {
			String[] threads = new String[2];
			long id = single.submit(() -> {
				threads[0] = Thread.currentThread().getName();
				return write("written by the first task");
			}).get(30, TimeUnit.SECONDS);
			ConsistencyToken[] seenByNext = new ConsistencyToken[1];
			NoteView next = single.submit(() -> {
				threads[1] = Thread.currentThread().getName();
				seenByNext[0] = this.readYourWrites.currentToken();
				return find(id);
			}).get(30, TimeUnit.SECONDS);
			assertThat(threads[1]).isEqualTo(threads[0]);
			assertThat(seenByNext[0]).as("token left by the first task").isSameAs(ConsistencyToken.NONE);
			assertThat(next.inRecovery()).as("the unrelated task is not pinned to the primary").isTrue();
			assertThat(next.found()).isFalse();
		}
		finally {
			single.shutdown();
		}
	}

	@Test
	void decoratedTaskLeavesNoRoutingStateOnItsThread() throws Exception {
		ExecutorService single = Executors.newSingleThreadExecutor();
		try (PausedReplicas paused = PausedReplicas.all()) {
			single.submit(this.decorator.decorate(() -> write("written by a decorated task"))).get(30, TimeUnit.SECONDS);
			assertThat(single.submit(RoutingContextHolder::isActive).get(30, TimeUnit.SECONDS))
				.as("routing state left on the thread")
				.isFalse();
		}
		finally {
			single.shutdownNow();
		}
	}

	@Test
	void contextSnapshotCarriesTheTokenToAnotherThread() throws Exception {
		try (PausedReplicas paused = PausedReplicas.all()) {
			ContextSnapshot[] snapshot = new ContextSnapshot[1];
			long id = ReadYourWrites.call(ConsistencyToken.NONE, () -> {
				long written = write("written before a snapshot");
				snapshot[0] = ContextSnapshotFactory.builder().build().captureAll();
				return written;
			});
			CompletableFuture<NoteView> read = new CompletableFuture<>();
			boolean[] leftActive = new boolean[1];
			Thread other = new Thread(() -> {
				try {
					read.complete(snapshot[0].wrap(() -> find(id)).call());
				}
				catch (Throwable ex) {
					read.completeExceptionally(ex);
				}
				leftActive[0] = RoutingContextHolder.isActive();
			});
			other.start();
			assertFromPrimary(read.get(30, TimeUnit.SECONDS));
			other.join(30_000);
			assertThat(leftActive[0]).as("routing state left on the thread").isFalse();
		}
	}

	private long write(String body) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> this.jdbcTemplate
			.queryForObject("INSERT INTO note (body) VALUES (?) RETURNING id", Long.class, body));
	}

	private NoteView find(long id) {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactionManager);
		readOnly.setReadOnly(true);
		return readOnly.execute((status) -> NoteReader.view(this.jdbcTemplate, this.probe, id));
	}

	private static void assertFromPrimary(NoteView read) {
		assertThat(read.found()).as("the row written before the hand-off was read").isTrue();
		assertThat(read.isPrimary()).isTrue();
	}

	private void assertStaleOnReplicas(long id) throws Exception {
		// The precondition: a reader without the token reads a replica that has not replayed the row.
		NoteView other = Browser.note(new Browser().get(url("/notes/" + id)));
		assertThat(other.inRecovery()).isTrue();
		assertThat(other.found()).isFalse();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
