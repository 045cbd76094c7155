package dev.replication.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WalPositions}: the parsing of {@code pg_lsn} text into bytes.
 */
class WalPositionsTests {

	@Test
	void positionIsTheHighAndLowHalvesInHex() {
		assertThat(WalPositions.parse("0/3000148")).isEqualTo(0x3000148L);
		assertThat(WalPositions.parse("16/B374D848")).isEqualTo((0x16L << 32) | 0xB374D848L);
	}

	@Test
	void positionsCompareInWalOrder() {
		assertThat(WalPositions.parse("1/0")).isGreaterThan(WalPositions.parse("0/FFFFFFFF"));
		assertThat(WalPositions.parse("0/3000148")).isGreaterThan(WalPositions.parse("0/3000140"));
	}

	@Test
	void nullPositionIsZero() {
		// pg_last_wal_replay_lsn() on a primary: never far enough for a token.
		assertThat(WalPositions.parse(null)).isZero();
	}

	@Test
	void somethingElseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WalPositions.parse("3000148"))
			.withMessage("Not a WAL position: [3000148]");
		assertThatIllegalArgumentException().isThrownBy(() -> WalPositions.parse("0/"));
	}

}
