package dev.replication.routing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.replication.testapp.ReplayPauser;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.WriteThenRead;
import dev.replication.testapp.WriteThenReadLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen users, each writing a row and reading it back at once, while one replica's replay is
 * paused for random short intervals: in lsn mode none of them ever misses its own row, and
 * replicas still serve most of the read-backs. Runs for
 * {@code -Dreplication.stress.seconds} (default 5).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LsnReadYourWritesStressTests extends LsnClusterTestSupport {

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("replication.stress.seconds", 5));

	@Test
	void sixteenUsersNeverMissTheirOwnWritesWhileAReplicaLagsAndReplicasServeMostReads() throws Exception {
		WriteThenRead workload = newWorkload();
		String before = this.router.readYourWritesStats().toString();
		WriteThenReadLoad.Result result;
		int pauses;
		try (ReplayPauser pauser = new ReplayPauser(this.cluster, this.cluster.replica(0), 20, 200)) {
			result = WriteThenReadLoad.run(workload, 16, DURATION);
			pauses = pauser.pauses();
		}
		System.out.printf("MEASURED lsn stress: %d users x %d s, %d write-then-reads (%.0f/s), %.1f %% read back from "
				+ "replicas, %d stale, %d failed, replica-1 paused %d times%n", 16, DURATION.toSeconds(), result.reads(),
				result.throughput(), result.replicaShare(), result.stale(), result.failures(), pauses);
		System.out.println("MEASURED lsn stress counters: before " + before + "; after "
				+ this.router.readYourWritesStats());
		assertThat(result.firstFailure()).as("a write-then-read failed").isNull();
		assertThat(result.reads()).isGreaterThan(100);
		assertThat(pauses).isPositive();
		assertThat(result.stale()).as("stale read: %s", result.firstStale()).isZero();
		assertThat(result.replicaShare()).isGreaterThan(50);
	}

}
