package dev.replication.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WalLsn}: the parsing of {@code pg_lsn} text into bytes.
 */
class WalLsnTests {

	@Test
	void positionIsTheHighAndLowHalvesInHex() {
		assertThat(WalLsn.parse("0/3000148")).isEqualTo(0x3000148L);
		assertThat(WalLsn.parse("16/B374D848")).isEqualTo((0x16L << 32) | 0xB374D848L);
	}

	@Test
	void positionsCompareInWalOrder() {
		assertThat(WalLsn.parse("1/0")).isGreaterThan(WalLsn.parse("0/FFFFFFFF"));
		assertThat(WalLsn.parse("0/3000148")).isGreaterThan(WalLsn.parse("0/3000140"));
	}

	@Test
	void nullPositionIsZero() {
		// pg_last_wal_replay_lsn() on a primary: never far enough for a token.
		assertThat(WalLsn.parse(null)).isZero();
	}

	@Test
	void somethingElseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WalLsn.parse("3000148"))
			.withMessage("Not a WAL position: [3000148]");
		assertThatIllegalArgumentException().isThrownBy(() -> WalLsn.parse("0/"));
	}

	@Test
	void insertPositionJustPastAPageHeaderIsTheBoundaryWhereTheLastRecordEnds() {
		long segment = 16L * 1024 * 1024;
		// Seen on an idle primary after a segment switch: insert 0/B000028, a standby replayed 0/B000000.
		assertThat(WalLsn.endOfLastRecord(parse("0/B000028"), segment, 8192)).isEqualTo(parse("0/B000000"));
		assertThat(WalLsn.endOfLastRecord(parse("0/B002018"), segment, 8192)).isEqualTo(parse("0/B002000"));
		assertThat(WalLsn.endOfLastRecord(parse("0/B002030"), segment, 8192)).isEqualTo(parse("0/B002030"));
		assertThat(WalLsn.endOfLastRecord(parse("0/B000018"), segment, 8192))
			.as("24 bytes into a segment is inside its long header: no record ends there, left as it is")
			.isEqualTo(parse("0/B000018"));
		assertThat(WalLsn.endOfLastRecord(parse("0/B002018"), segment, 0)).as("layout unknown").isEqualTo(parse("0/B002018"));
	}

	private static long parse(String lsn) {
		return WalLsn.parse(lsn);
	}

}
