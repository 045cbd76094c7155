package dev.replication.context;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link ConsistencyToken} into a cookie value signed with HMAC-SHA256, and back, only
 * when the signature is good and the value has not expired: a token from a client is never
 * trusted unsigned, since a forged one could pin that client's reads to the primary.
 *
 * <p>The value is {@code v1.<position hex>.<writtenAt>.<expiresAt seconds>.<signature>}, all
 * characters allowed in a cookie without quoting; the position ends in {@code u} when the token
 * is {@linkplain ConsistencyToken#isUnplaced() unplaced} (a write not placed in the WAL yet),
 * which the instance that reads the cookie places by asking the primary.
 */
final class TokenCookieCodec {

	private static final Log logger = LogFactory.getLog(TokenCookieCodec.class);

	private static final String ALGORITHM = "HmacSHA256";

	private static final String VERSION = "v1";

	private static final String UNPLACED = "u";

	private final SecretKeySpec key;

	private final Duration maxAge;

	private final Clock clock;

	TokenCookieCodec(String secret, Duration maxAge, Clock clock) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.maxAge = maxAge;
		this.clock = clock;
	}

	Duration maxAge() {
		return this.maxAge;
	}

	/**
	 * Return the signed cookie value for {@code token}, valid for the max age from now.
	 */
	String encode(ConsistencyToken token) {
		long expiresAt = this.clock.instant().plus(this.maxAge).getEpochSecond();
		String payload = VERSION + "." + Long.toHexString(token.position()) + (token.isUnplaced() ? UNPLACED : "")
				+ "." + token.writtenAt() + "." + expiresAt;
		return payload + "." + sign(payload);
	}

	/**
	 * Return the token {@code value} carries, or {@code null} if it is malformed, altered,
	 * signed with another key or expired.
	 */
	@Nullable ConsistencyToken decode(String value) {
		int lastDot = value.lastIndexOf('.');
		String[] parts = value.split("\\.", -1);
		if (parts.length != 5 || !VERSION.equals(parts[0])) {
			return ignored("malformed");
		}
		String payload = value.substring(0, lastDot);
		byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, parts[4].getBytes(StandardCharsets.US_ASCII))) {
			return ignored("bad signature");
		}
		try {
			boolean unplaced = parts[1].endsWith(UNPLACED);
			String hex = unplaced ? parts[1].substring(0, parts[1].length() - UNPLACED.length()) : parts[1];
			long position = Long.parseUnsignedLong(hex, 16);
			long writtenAt = Long.parseLong(parts[2]);
			long expiresAt = Long.parseLong(parts[3]);
			if (this.clock.instant().getEpochSecond() >= expiresAt) {
				return ignored("expired");
			}
			return ConsistencyToken.received(position, writtenAt, unplaced);
		}
		catch (NumberFormatException ex) {
			return ignored("malformed");
		}
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			byte[] signature = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static @Nullable ConsistencyToken ignored(String why) {
		if (logger.isDebugEnabled()) {
			logger.debug("Read-your-writes cookie ignored: " + why);
		}
		return null;
	}

}
