package dev.replication.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.replication.context.RoutingContextHolder;
import dev.replication.embedded.ClusterNode;
import dev.replication.testapp.DecisionRecorder;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.WriteThenRead;
import dev.replication.testapp.WriteThenRead.ReadBack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lsn mode with {@code max-wait} and monotonic reads, against the real primary and replicas: a
 * read waits for a replica that catches up within the wait, and a reader that saw a row on the
 * replica further ahead is never served by the one behind it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "replication.read-your-writes.max-wait=10s",
				"replication.read-your-writes.monotonic-reads=true" })
@Import(DecisionRecorder.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LsnWaitAndMonotonicReadsIntegrationTests extends LsnClusterTestSupport {

	@Autowired
	private DecisionRecorder decisions;

	private WriteThenRead workload;

	@BeforeEach
	void newWorkloadPerTest() {
		this.workload = newWorkload();
	}

	@Test
	void readWaitsForAReplicaThatReplaysTheCallersWritesWithinTheWait() throws Exception {
		RoutingContextHolder.Frame caller = RoutingContextHolder.enter(null);
		try {
			this.cluster.replicas().forEach(this.cluster::pauseReplay);
			long id = this.workload.write("waited for");
			long waitsBefore = this.router.readYourWritesStats().waits();
			CompletableFuture<Void> resume = CompletableFuture.runAsync(() -> {
				sleep(300);
				this.cluster.replicas().forEach(this.cluster::resumeReplay);
			});
			long started = System.nanoTime();
			ReadBack read = this.workload.read(id);
			long waitedMillis = (System.nanoTime() - started) / 1_000_000;
			RoutingDecision decision = this.decisions.take();
			resume.get(30, TimeUnit.SECONDS);
			System.out.println("MEASURED lsn max-wait: read served by " + read.node() + " (" + decision.reason()
					+ ") after " + waitedMillis + " ms; replica resumed after 300 ms");
			assertThat(read.found()).isTrue();
			assertThat(read.replica()).isTrue();
			assertThat(decision.reason()).isEqualTo(RoutingDecision.Reason.WAITED_FOR_REPLAY);
			assertThat(waitedMillis).isGreaterThanOrEqualTo(250).isLessThan(9_000);
			assertThat(this.router.readYourWritesStats().waits()).isEqualTo(waitsBefore + 1);
		}
		finally {
			RoutingContextHolder.exit(caller);
		}
	}

	@Test
	void readerThatSawARowOnTheReplicaAheadIsNeverServedByTheOneBehind() throws Exception {
		ClusterNode behind = this.cluster.replica(0);
		ClusterNode ahead = this.cluster.replica(1);
		this.cluster.pauseReplay(behind);
		long id = this.workload.once("seen on the replica ahead").id();
		awaitRow(ahead, id);
		assertThat(rowCount(behind, id)).as("precondition: %s is behind", behind.name()).isZero();
		RoutingContextHolder.Frame reader = RoutingContextHolder.enter(null);
		try {
			// Until the health monitor's next check shows the replica ahead past what the reader saw
			// on the one behind, the reader is kept on the one behind (known far enough): read on.
			ReadBack seen = null;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (seen == null && System.nanoTime() < deadline) {
				ReadBack read = this.workload.read(id);
				if (read.found()) {
					seen = read;
				}
				else {
					Thread.sleep(20);
				}
			}
			assertThat(seen).as("the reader never saw the row").isNotNull();
			assertThat(seen.node()).isEqualTo(ahead.name());
			List<String> servedBy = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				ReadBack read = this.workload.read(id);
				servedBy.add(read.node());
				assertThat(read.found()).as("read %d, from %s, went back in time", i, read.node()).isTrue();
			}
			System.out.println("MEASURED monotonic reads: after seeing the row on " + ahead.name()
					+ ", the next 10 reads were served by " + servedBy);
			assertThat(servedBy).doesNotContain(behind.name());
		}
		finally {
			RoutingContextHolder.exit(reader);
		}
	}

	private static void awaitRow(ClusterNode node, long id) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (rowCount(node, id) == 0) {
			assertThat(System.nanoTime()).as("%s never replayed row %d", node.name(), id).isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	private static long rowCount(ClusterNode node, long id) throws Exception {
		try (Connection connection = node.dataSource().getConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM note WHERE id = ?")) {
			statement.setLong(1, id);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
