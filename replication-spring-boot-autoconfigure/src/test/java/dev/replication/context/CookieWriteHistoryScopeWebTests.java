package dev.replication.context;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.replication.testapp.Browser;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.NoteView;
import dev.replication.testapp.PausedReplicas;
import dev.replication.testapp.ReplicaRead;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie scope through real HTTP servers, with replay paused on every replica: the GET after
 * a form POST and its redirect reads the new row, on this instance and on a second one sharing
 * the secret; a forged, altered or expired cookie changes nothing.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { CookieWriteHistoryScopeWebTests.SCOPE, CookieWriteHistoryScopeWebTests.SECRET,
				"replication.read-your-writes.mode=lsn", "replication.read-your-writes.window=3s" })
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CookieWriteHistoryScopeWebTests {

	static final String SCOPE = "replication.read-your-writes.scope=cookie";

	static final String SECRET = "replication.read-your-writes.cookie.secret=" + CookieWriteHistoryScopeWebTests.KEY;

	static final String KEY = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

	private static final String COOKIE = "replication-token";

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@LocalServerPort
	private int port;

	@Test
	void pageShownAfterAFormPostAndItsRedirectReadsTheNewRow() throws Exception {
		Browser user = new Browser();
		long id;
		try (PausedReplicas paused = PausedReplicas.all()) {
			HttpResponse<String> page = user.postForm(url(this.port, "/notes"), "written with a cookie");
			NoteView shown = Browser.note(page);
			id = shown.id();
			assertThat(shown.found()).as("the redirected GET read the row").isTrue();
			assertThat(shown.isPrimary()).isTrue();
			List<String> setCookies = page.previousResponse().orElseThrow().headers().allValues("Set-Cookie");
			assertThat(setCookies).filteredOn((header) -> header.startsWith(COOKIE + "="))
				.singleElement()
				.satisfies((header) -> assertThat(header).contains("HttpOnly", "SameSite=Lax", "Max-Age=300")
					.doesNotContain("Secure").doesNotContain(KEY));
			assertThat(user.cookie("JSESSIONID")).as("no session is needed").isEmpty();
			NoteView other = Browser.note(new Browser().get(url(this.port, "/notes/" + id)));
			assertThat(other.inRecovery()).isTrue();
			assertThat(other.found()).isFalse();
		}
		NoteView fromReplica = ReplicaRead.await("cookie scope",
				() -> Browser.note(user.get(url(this.port, "/notes/" + id))), 20_000);
		assertThat(fromReplica.found()).isTrue();
	}

	@Test
	void secondInstanceSharingTheSecretReadsAWriteMadeOnTheFirst() throws Exception {
		List<String> properties = new ArrayList<>(List.of(ClusterProperties.values()));
		properties.addAll(List.of(SCOPE, SECRET, "replication.read-your-writes.mode=lsn",
				"replication.read-your-writes.window=3s", "server.port=0", "spring.jmx.enabled=false"));
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(TestApplication.class)
			.properties(properties.toArray(String[]::new))
			.run()) {
			int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			Browser user = new Browser();
			long id;
			try (PausedReplicas paused = PausedReplicas.all()) {
				id = Browser.note(user.postForm(url(this.port, "/notes"), "written on the first instance")).id();
				NoteView onSecond = Browser.note(user.get(url(secondPort, "/notes/" + id)));
				assertThat(onSecond.found()).as("the second instance read the row").isTrue();
				assertThat(onSecond.isPrimary()).isTrue();
				NoteView withoutCookie = Browser.note(new Browser().get(url(secondPort, "/notes/" + id)));
				assertThat(withoutCookie.inRecovery()).isTrue();
				assertThat(withoutCookie.found()).isFalse();
			}
			ReplicaRead.await("cookie scope, second instance",
					() -> Browser.note(user.get(url(secondPort, "/notes/" + id))), 20_000);
		}
	}

	@Test
	void forgedAlteredOrExpiredCookieIsIgnored() throws Exception {
		Browser user = new Browser();
		try (PausedReplicas paused = PausedReplicas.all()) {
			long id = Browser.note(user.postForm(url(this.port, "/notes"), "written before forging")).id();
			String valid = user.cookie(COOKIE).orElseThrow();
			assertThat(readWith(user, valid, id).isPrimary()).as("the genuine cookie keeps the read on the primary")
				.isTrue();
			String[] parts = valid.split("\\.");
			String altered = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 1) + "." + parts[3] + "."
					+ parts[4];
			TokenCookieCodec otherKey = new TokenCookieCodec("another-secret-0123456789-abcdefghijklmnop",
					Duration.ofMinutes(5), Clock.systemUTC());
			TokenCookieCodec tenMinutesAgo = new TokenCookieCodec(KEY, Duration.ofMinutes(5),
					Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
			ConsistencyToken token = ConsistencyToken.of(Long.parseUnsignedLong(parts[1], 16),
					System.currentTimeMillis());
			for (String cookie : List.of("v1.ffffffffff.9999999999999.9999999999.forged", altered,
					otherKey.encode(token), tenMinutesAgo.encode(token), "garbage")) {
				NoteView view = readWith(user, cookie, id);
				assertThat(view.inRecovery()).as("cookie %s", cookie).isTrue();
				assertThat(view.found()).isFalse();
			}
		}
	}

	private NoteView readWith(Browser user, String cookie, long id) throws Exception {
		user.setCookie(COOKIE, cookie);
		return Browser.note(user.get(url(this.port, "/notes/" + id)));
	}

	private static String url(int port, String path) {
		return "http://localhost:" + port + path;
	}

}
