package dev.replication.context;

import java.util.concurrent.TimeUnit;

import dev.replication.testapp.Browser;
import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.NoteView;
import dev.replication.testapp.PausedReplicas;
import dev.replication.testapp.ReplicaRead;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session scope through a real HTTP server, with replay paused on every replica: the GET
 * after a form POST and its redirect reads the new row, from the primary, and from a replica
 * once the replicas have replayed it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "replication.read-your-writes.scope=session", "replication.read-your-writes.mode=lsn",
				"replication.read-your-writes.window=3s" })
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionWriteHistoryScopeWebTests {

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
			NoteView shown = Browser.note(user.postForm(url("/notes"), "written in a session"));
			id = shown.id();
			assertThat(shown.found()).as("the redirected GET read the row").isTrue();
			assertThat(shown.isPrimary()).isTrue();
			assertThat(user.cookie("JSESSIONID")).as("a session was created by the write").isPresent();
			// Another user, without the session, reads a paused replica that has not replayed the row.
			NoteView other = Browser.note(new Browser().get(url("/notes/" + id)));
			assertThat(other.inRecovery()).isTrue();
			assertThat(other.found()).isFalse();
			// The user's next request still reads it.
			NoteView again = Browser.note(user.get(url("/notes/" + id)));
			assertThat(again.found()).isTrue();
			assertThat(again.isPrimary()).isTrue();
		}
		NoteView fromReplica = ReplicaRead.await("session scope", () -> Browser.note(user.get(url("/notes/" + id))),
				20_000);
		assertThat(fromReplica.found()).isTrue();
	}

	@Test
	void requestsThatOnlyReadCreateNoSession() throws Exception {
		Browser user = new Browser();
		assertThat(user.get(url("/read")).body()).contains("\"inRecovery\":true");
		assertThat(user.cookie("JSESSIONID")).isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
