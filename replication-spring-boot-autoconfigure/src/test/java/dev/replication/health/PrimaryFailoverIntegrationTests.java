package dev.replication.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.replication.embedded.ClusterNode;
import dev.replication.routing.NoPrimaryAvailableException;
import dev.replication.testapp.ReadLoad;
import dev.replication.testapp.ServedBy;
import dev.replication.testapp.Waiting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The primary dies and a replica is promoted: writes follow it without a restart or a refresh;
 * reads never stop. Then the old primary returns as a standby, and a second promotion makes a
 * split brain. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrimaryFailoverIntegrationTests extends ClusterOfItsOwnIntegrationTests {

	private static ClusterNode oldPrimary;

	private static ClusterNode promoted;

	private static ClusterNode follower;

	@BeforeEach
	void nameTheNodes() {
		// Once, before the first step changes the topology: the steps build on each other.
		if (oldPrimary == null) {
			oldPrimary = cluster.node("primary");
			promoted = cluster.node("replica-1");
			follower = cluster.node("replica-2");
		}
	}

	@Test
	@Order(1)
	void writesFailFastWithoutPrimaryAndFollowThePromotedReplicaWhileReadsGoOn() throws Exception {
		assertThat(this.service.writeAndProbe("before").port()).isEqualTo(oldPrimary.port());
		cluster.awaitReplication();
		ReadLoad reads = new ReadLoad(4, this.service::readOnly);
		Thread.sleep(500);

		long stopped = System.nanoTime();
		cluster.stop(oldPrimary);
		Duration detection = Waiting.until("no primary", Duration.ofSeconds(5), () -> this.topology.getPrimary().isEmpty());
		long started = System.nanoTime();
		assertThatExceptionOfType(NoPrimaryAvailableException.class)
			.isThrownBy(() -> this.service.writeAndProbe("while no primary"))
			.withMessageContaining("No primary available")
			.withMessageContaining("primary down");
		Duration failFast = Duration.ofNanos(System.nanoTime() - started);

		cluster.promote(promoted);
		long promotedAt = System.nanoTime();
		AtomicInteger failedWrites = new AtomicInteger();
		Duration switchTime = Waiting.until("a write on " + promoted.name(), Duration.ofSeconds(10), () -> {
			try {
				return this.service.writeAndProbe("after").port() == promoted.port();
			}
			catch (NoPrimaryAvailableException ex) {
				failedWrites.incrementAndGet();
				return false;
			}
		});
		Thread.sleep(500);
		List<ReadLoad.Read> served = reads.stop();

		System.out.printf("MEASURED primary-failover: no primary %d ms after stop, write refused in %d ms, "
				+ "writes on %s %d ms after promotion (%d refused meanwhile), %d reads, %d failed%n",
				detection.toMillis(), failFast.toMillis(), promoted.name(), switchTime.toMillis(), failedWrites.get(),
				served.size(), reads.failures().size());
		assertThat(reads.failures()).as("failed reads").isEmpty();
		assertThat(served).noneMatch((read) -> read.port() == oldPrimary.port() && read.started() > stopped);
		assertThat(failFast).isLessThan(Duration.ofMillis(500));
		assertThat(switchTime).isLessThanOrEqualTo(Duration.ofSeconds(3));
		assertThat(this.topology.getPrimary()).contains(promoted.name());
	}

	@Test
	@Order(2)
	void returningOldPrimaryThatIsNowAStandbyServesReads() {
		cluster.rebuildAsReplica(oldPrimary);
		Waiting.until(oldPrimary.name() + " readable", Duration.ofSeconds(10),
				() -> this.topology.getNodes().get(0).readable());
		Waiting.until(oldPrimary.name() + " serving a read", Duration.ofSeconds(3),
				() -> this.service.readOnly().port() == oldPrimary.port());
		ServedBy write = this.service.writeAndProbe("still on the promoted node");
		assertThat(write.port()).isEqualTo(promoted.port());
	}

	@Test
	@Order(3)
	void splitBrainFailsWritesFastWhileStandbysKeepServingReads() {
		cluster.promote(follower);
		Waiting.until("split brain seen", Duration.ofSeconds(5), () -> this.topology.getPrimary().isEmpty());
		assertThatExceptionOfType(NoPrimaryAvailableException.class)
			.isThrownBy(() -> this.service.writeAndProbe("split"))
			.withMessageContaining("split brain")
			.withMessageContaining(promoted.name())
			.withMessageContaining(follower.name());
		for (int i = 0; i < 10; i++) {
			ServedBy read = this.service.readOnly();
			assertThat(read.port()).isEqualTo(oldPrimary.port());
			assertThat(read.isReplica()).isTrue();
		}
	}

}
