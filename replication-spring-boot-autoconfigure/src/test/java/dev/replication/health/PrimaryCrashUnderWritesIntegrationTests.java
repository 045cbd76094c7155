package dev.replication.health;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.replication.embedded.ClusterNode;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.Waiting;
import dev.replication.testapp.WriteLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The primary crashes under a write load and a replica is promoted a second later: no write call
 * waits for the dead primary longer than {@code replication.failover.max-wait} plus one connect
 * timeout, and writes move to the promoted node on their own.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "replication.failover.max-wait=5s")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PrimaryCrashUnderWritesIntegrationTests extends ClusterOfItsOwnIntegrationTests {

	private static final Duration MAX_WAIT = Duration.ofSeconds(5);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	@Test
	void writesCaughtByThePrimaryCrashWaitAtMostMaxWaitThenGoToThePromotedNode() throws Exception {
		ClusterNode oldPrimary = cluster.primary();
		ClusterNode promoted = cluster.replica(0);
		long stopped;
		long promotedAt;
		long promoteReturned;
		List<WriteLoad.Write> writes;
		try (WriteLoad load = new WriteLoad(4, () -> this.service.writeAndProbe("under load"))) {
			Waiting.until("writes on " + oldPrimary.name(), Duration.ofSeconds(10),
					() -> load.writes().stream().anyMatch((write) -> write.port() == oldPrimary.port()));
			Thread.sleep(500);
			cluster.stop(oldPrimary);
			// Once stopped (the stop itself takes a moment, while writes still land).
			stopped = System.nanoTime();
			Thread.sleep(1000);
			promotedAt = System.nanoTime();
			// Returns once the promoted node runs as a primary and the other replica follows it.
			cluster.promote(promoted);
			promoteReturned = System.nanoTime();
			Waiting.until("a write on " + promoted.name(), Duration.ofSeconds(60),
					() -> load.writes().stream().anyMatch((write) -> write.port() == promoted.port()));
			Thread.sleep(1000);
			writes = load.stop();
		}
		WriteLoad.Write longest = writes.stream().max(Comparator.comparingLong(WriteLoad.Write::millis)).orElseThrow();
		long firstOnPromoted = writes.stream()
			.filter((write) -> write.port() == promoted.port())
			.mapToLong(WriteLoad.Write::ended)
			.min()
			.orElseThrow();
		List<WriteLoad.Write> failed = writes.stream().filter((write) -> write.failure() != null).toList();
		System.out.printf("MEASURED primary-crash-under-writes: longest write call %d ms (%s), first write on %s "
				+ "%d ms after the promotion began (promote() took %d ms), %d writes, %d failed (%s)%n", longest.millis(),
				(longest.failure() != null) ? longest.failure().getClass().getSimpleName() : "succeeded",
				promoted.name(), Duration.ofNanos(firstOnPromoted - promotedAt).toMillis(),
				Duration.ofNanos(promoteReturned - promotedAt).toMillis(), writes.size(), failed.size(),
				failed.stream().map((write) -> write.failure().getClass().getSimpleName()).distinct().toList());
		assertThat(Duration.ofMillis(longest.millis())).as("longest write call")
			.isLessThanOrEqualTo(MAX_WAIT.plus(CONNECT_TIMEOUT).plusMillis(1500));
		assertThat(writes).filteredOn((write) -> write.started() > stopped)
			.noneMatch((write) -> write.port() == oldPrimary.port());
		assertThat(failed).as("writes failed after the promoted node was seen")
			.noneMatch((write) -> write.started() > promoteReturned + TimeUnit.SECONDS.toNanos(2));
	}

}
