package dev.replication.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.concurrent.TimeUnit;

import dev.replication.cluster.NodeRole;
import dev.replication.embedded.ClusterNode;
import dev.replication.routing.NoPrimaryAvailableException;
import dev.replication.testapp.ReadLoad;
import dev.replication.testapp.ServedBy;
import dev.replication.testapp.TestApplication;
import dev.replication.testapp.Waiting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The primary dies and a replica is promoted: writes follow it without a restart or a refresh;
 * reads never stop. Then the old primary returns as a standby, and a second promotion fences the
 * first promoted node (its timeline is now the lower one). The steps build on each other, in
 * order. A write finding no primary waits {@code replication.failover.max-wait} (1 s here).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "replication.failover.max-wait=1s")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
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
		assertThat(failFast).as("refused after max-wait").isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
		assertThat(switchTime).isLessThanOrEqualTo(Duration.ofSeconds(3));
		assertThat(this.topology.getPrimary()).contains(promoted.name());
		assertThat(((ReplicationHealthMonitor) this.topology).primaryChanges()).as("failovers counted").isEqualTo(1);
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
	void secondPromotionFencesTheFirstPromotedNodeWhileStandbysKeepServingReads() {
		cluster.promote(follower);
		Duration seen = Waiting.until(follower.name() + " the primary", Duration.ofSeconds(5),
				() -> this.topology.getPrimary().filter(follower.name()::equals).isPresent());
		System.out.printf("MEASURED second-promotion: %s the primary %d ms after its promotion (%s)%n", follower.name(),
				seen.toMillis(), this.topology.getNodes());
		assertThat(status(promoted).role()).as("still a primary, on a lower timeline").isEqualTo(NodeRole.PRIMARY);
		assertThat(status(follower).timeline()).isGreaterThan(status(promoted).timeline());
		assertThat(this.topology.getPrimary()).contains(follower.name());
		assertThat(((ReplicationHealthMonitor) this.topology).primaryChanges()).as("failovers counted").isEqualTo(2);
		assertThat(this.service.writeAndProbe("on the newest timeline").port()).isEqualTo(follower.port());
		// Its lag behind the new primary is known once it has replayed the new primary's first position.
		Waiting.until(oldPrimary.name() + " readable again", Duration.ofSeconds(10),
				() -> status(oldPrimary).readable());
		// The fenced node never serves a read; a standby re-pointed at the new primary may be away
		// for a moment, and then a read falls back to the new primary, never to the fenced one.
		int fromReplicas = 0;
		for (int i = 0; i < 10; i++) {
			ServedBy read = this.service.readOnly();
			assertThat(read.port()).isNotEqualTo(promoted.port());
			assertThat(read.isReplica() || read.port() == follower.port()).as("a standby or the new primary").isTrue();
			fromReplicas += read.isReplica() ? 1 : 0;
		}
		System.out.printf("MEASURED second-promotion: %d of 10 reads served by a standby%n", fromReplicas);
		assertThat(fromReplicas).isPositive();
	}

}
