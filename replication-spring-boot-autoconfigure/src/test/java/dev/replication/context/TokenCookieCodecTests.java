package dev.replication.context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenCookieCodec}.
 */
class TokenCookieCodecTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final TokenCookieCodec codec = codec(SECRET, NOW);

	private final ConsistencyToken token = ConsistencyToken.of(0x1_6B37_4D48L, NOW.toEpochMilli() - 20);

	@Test
	void encodedTokenDecodesToTheSameToken() {
		assertThat(this.codec.decode(this.codec.encode(this.token))).isEqualTo(this.token);
	}

	@Test
	void unplacedTokenArrivesUnplacedAndOnlyAPositionReadAfterItArrivedPlacesIt() {
		ConsistencyToken unplaced = this.token.merge(ConsistencyToken.unplaced(NOW.toEpochMilli(), System.nanoTime()));
		String value = this.codec.encode(unplaced);
		assertThat(value).matches("v1\\.16b374d48u\\.\\d+\\.\\d+\\.[A-Za-z0-9_-]{43}");
		long beforeArrival = System.nanoTime();
		ConsistencyToken received = this.codec.decode(value);
		assertThat(received).isEqualTo(unplaced);
		assertThat(received.isUnplaced()).isTrue();
		assertThat(received.placeableBy(beforeArrival)).as("a position read before the cookie arrived").isFalse();
		assertThat(received.placeableBy(System.nanoTime())).as("a position read after it arrived").isTrue();
		String[] parts = value.split("\\.");
		String placedByForgery = parts[0] + ".16b374d48." + parts[2] + "." + parts[3] + "." + parts[4];
		assertThat(this.codec.decode(placedByForgery)).isNull();
	}

	@Test
	void valueIsAPlainCookieValueThatDoesNotContainTheSecret() {
		String value = this.codec.encode(this.token);
		assertThat(value).matches("v1\\.16b374d48\\.\\d+\\.\\d+\\.[A-Za-z0-9_-]{43}").doesNotContain(SECRET);
	}

	@Test
	void alteredValueIsIgnored() {
		String value = this.codec.encode(this.token);
		String[] parts = value.split("\\.");
		String higherPosition = parts[0] + ".ffffffffff." + parts[2] + "." + parts[3] + "." + parts[4];
		String laterExpiry = parts[0] + "." + parts[1] + "." + parts[2] + "." + (Long.parseLong(parts[3]) + 3600) + "."
				+ parts[4];
		char last = value.charAt(value.length() - 1);
		String otherSignature = value.substring(0, value.length() - 1) + ((last == 'A') ? 'B' : 'A');
		assertThat(this.codec.decode(higherPosition)).isNull();
		assertThat(this.codec.decode(laterExpiry)).isNull();
		assertThat(this.codec.decode(otherSignature)).isNull();
	}

	@Test
	void valueSignedWithAnotherSecretIsIgnored() {
		String value = codec("another-secret-0123456789abcdef0123456789", NOW).encode(this.token);
		assertThat(this.codec.decode(value)).isNull();
	}

	@Test
	void expiredValueIsIgnored() {
		String value = codec(SECRET, NOW.minus(Duration.ofMinutes(5))).encode(this.token);
		assertThat(this.codec.decode(value)).isNull();
		String stillValid = codec(SECRET, NOW.minus(Duration.ofMinutes(5)).plusSeconds(1)).encode(this.token);
		assertThat(this.codec.decode(stillValid)).isEqualTo(this.token);
	}

	@Test
	void malformedValuesAreIgnored() {
		assertThat(this.codec.decode("")).isNull();
		assertThat(this.codec.decode("garbage")).isNull();
		assertThat(this.codec.decode("v1.x.y.z.w")).isNull();
		assertThat(this.codec.decode("v2.1.2.3.abc")).isNull();
		assertThat(this.codec.decode("v1.1.2.3.4.5")).isNull();
	}

	private static TokenCookieCodec codec(String secret, Instant now) {
		return new TokenCookieCodec(secret, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
	}

}
