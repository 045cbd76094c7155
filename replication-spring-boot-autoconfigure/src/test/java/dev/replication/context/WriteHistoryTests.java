package dev.replication.context;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WriteHistory}.
 */
class WriteHistoryTests {

	@Test
	void nothingWrittenIsNeverWithinAWindow() {
		WriteHistory history = new WriteHistory();
		assertThat(history.hasWritten()).isFalse();
		assertThat(history.wroteWithin(Long.MAX_VALUE)).isFalse();
	}

	@Test
	void writeIsWithinAWindowLongerThanItsAge() throws InterruptedException {
		WriteHistory history = new WriteHistory();
		history.recordWrite();
		assertThat(history.wroteWithin(TimeUnit.HOURS.toNanos(1))).isTrue();
		Thread.sleep(5);
		assertThat(history.wroteWithin(TimeUnit.MILLISECONDS.toNanos(1))).isFalse();
	}

}
