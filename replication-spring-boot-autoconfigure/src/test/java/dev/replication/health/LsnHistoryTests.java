package dev.replication.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LsnHistory}.
 */
class LsnHistoryTests {

	@Test
	void replicaThatReplayedEverythingIsNotBehind() {
		LsnHistory history = new LsnHistory(8);
		history.record(100, 1_000);
		assertThat(history.behindNanos(100, 9_000)).isZero();
	}

	@Test
	void lagIsTheAgeOfTheOldestPositionNotYetReplayed() {
		LsnHistory history = new LsnHistory(8);
		history.record(100, 1_000);
		history.record(200, 2_000);
		history.record(300, 3_000);
		assertThat(history.behindNanos(150, 10_000)).isEqualTo(8_000);
		assertThat(history.behindNanos(250, 10_000)).isEqualTo(7_000);
	}

	@Test
	void idlePrimaryAddsNoSample() {
		LsnHistory history = new LsnHistory(8);
		history.record(100, 1_000);
		history.record(100, 5_000);
		history.record(200, 6_000);
		assertThat(history.behindNanos(100, 10_000)).isEqualTo(4_000);
	}

	@Test
	void replicaBehindEverySampleKeptIsAtLeastAsOldAsTheOldest() {
		LsnHistory history = new LsnHistory(2);
		history.record(100, 1_000);
		history.record(200, 2_000);
		history.record(300, 3_000);
		assertThat(history.behindNanos(50, 10_000)).isEqualTo(8_000);
	}

	@Test
	void historyCoversOnlyWhatWasReplayedSinceItsOldestSample() {
		LsnHistory history = new LsnHistory(2);
		assertThat(history.covers(100)).as("empty").isFalse();
		history.record(100, 1_000);
		assertThat(history.covers(99)).isFalse();
		assertThat(history.covers(100)).isTrue();
		history.record(200, 2_000);
		history.record(300, 3_000);
		assertThat(history.covers(150)).as("oldest sample dropped").isFalse();
		assertThat(history.covers(200)).isTrue();
	}

}
