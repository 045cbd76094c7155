package dev.replication.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcUrls}.
 */
class JdbcUrlsTests {

	@Test
	void passwordParameterIsMasked() {
		assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/app?user=app&password=secret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=******&ssl=true");
	}

	@Test
	void passwordInUserInfoIsMasked() {
		assertThat(JdbcUrls.mask("jdbc:postgresql://app:secret@db:5432/app")).isEqualTo("jdbc:postgresql://app:******@db:5432/app");
	}

	@Test
	void passwordsInAMessageAreMasked() {
		assertThat(JdbcUrls.maskAll("No suitable driver found for jdbc:postgres://db/app?password=secret and more"))
			.isEqualTo("No suitable driver found for jdbc:postgres://db/app?password=****** and more");
	}

	@Test
	void urlWithoutPasswordIsUnchanged() {
		assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/app")).isEqualTo("jdbc:postgresql://db:5432/app");
	}

}
