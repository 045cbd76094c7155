package dev.replication.sample.live;

import java.util.concurrent.atomic.AtomicLong;

import dev.replication.routing.RoutingDecision.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoutingSplit}: pure counting logic, on a clock the test moves.
 */
class RoutingSplitTests {

	private final AtomicLong now = new AtomicLong(1_000);

	private final RoutingSplit split = new RoutingSplit(this.now::get);

	@Test
	void countsAreGroupedByNodeReasonAndKindOnceTheirSecondIsOver() {
		this.split.record("replica-1", Reason.READ_ONLY_ANNOTATION, true);
		this.split.record("replica-1", Reason.READ_ONLY_ANNOTATION, true);
		this.split.record("primary", Reason.READ_WRITE_TRANSACTION, false);
		assertThat(this.split.counts()).isEmpty();
		this.now.incrementAndGet();
		assertThat(this.split.counts()).containsExactly(
				new RoutingSplit.Count("primary", "read-write transaction", false, 1),
				new RoutingSplit.Count("replica-1", "@ReadOnly", true, 2));
	}

	@Test
	void aReadServedByThePrimaryIsCountedAsARead() {
		this.split.record("primary", Reason.NO_HEALTHY_REPLICA, true);
		this.now.incrementAndGet();
		assertThat(this.split.counts()).containsExactly(new RoutingSplit.Count("primary", "no healthy replica", true, 1));
	}

	@Test
	void countsOlderThanTheWindowAreForgotten() {
		this.split.record("replica-1", Reason.READ_ONLY_TRANSACTION, true);
		this.now.addAndGet(RoutingSplit.SECONDS);
		assertThat(this.split.counts()).extracting(RoutingSplit.Count::connections).containsExactly(1L);
		this.now.incrementAndGet();
		assertThat(this.split.counts()).isEmpty();
	}

	@Test
	void aSlotReusedForALaterSecondStartsFromZero() {
		this.split.record("replica-2", Reason.READ_ONLY_TRANSACTION, true);
		this.now.addAndGet(RoutingSplit.SECONDS + 1);
		this.split.record("replica-2", Reason.READ_ONLY_TRANSACTION, true);
		this.now.incrementAndGet();
		assertThat(this.split.counts()).extracting(RoutingSplit.Count::connections).containsExactly(1L);
	}

}
