package dev.replication.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Lsn}.
 */
class LsnTests {

	@Test
	void positionIsHighWordThenLowWord() {
		assertThat(Lsn.parse("0/3000000")).isEqualTo(0x3000000L);
		assertThat(Lsn.parse("16/B374D848")).isEqualTo((0x16L << 32) | 0xB374D848L);
	}

	@Test
	void unknownPositionIsZero() {
		assertThat(Lsn.parse(null)).isZero();
	}

}
