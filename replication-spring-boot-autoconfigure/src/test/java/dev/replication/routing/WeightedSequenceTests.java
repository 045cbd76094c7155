package dev.replication.routing;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WeightedSequence} and the balancers built on it.
 */
class WeightedSequenceTests {

	@Test
	void eachReplicaAppearsAsOftenAsItsWeight() {
		assertThat(WeightedSequence.of(1, 2)).containsExactly(1, 0, 1);
		assertThat(WeightedSequence.of(1, 1, 1)).containsExactly(0, 1, 2);
	}

	@Test
	void heavyReplicaTurnsAreSpreadOut() {
		assertThat(WeightedSequence.of(5, 1, 1)).containsExactly(0, 0, 1, 0, 2, 0, 0);
	}

	@Test
	void weightsAreReducedByTheirCommonDivisor() {
		assertThat(WeightedSequence.of(100, 200)).containsExactly(1, 0, 1);
	}

	@Test
	void nonPositiveWeightIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> WeightedSequence.of(1, 0));
		assertThatIllegalArgumentException().isThrownBy(WeightedSequence::of);
	}

	@Test
	void roundRobinHonoursWeightsExactlyOverWholeCycles() {
		ReplicaLoadBalancer balancer = ReplicaLoadBalancer.roundRobin(1, 2);
		int[] counts = new int[2];
		IntStream.range(0, 300).forEach((i) -> counts[balancer.next()]++);
		assertThat(counts).containsExactly(100, 200);
	}

	@Test
	void randomOnlyPicksConfiguredReplicas() {
		ReplicaLoadBalancer balancer = ReplicaLoadBalancer.random(1, 3);
		int[] counts = new int[2];
		IntStream.range(0, 4000).forEach((i) -> counts[balancer.next()]++);
		assertThat(counts[1]).isBetween(2800, 3200);
	}

}
