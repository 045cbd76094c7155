package dev.replication.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.replication.testapp.ClusterProperties;
import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes in the request scope, through a real HTTP server: a read after a write in the
 * same request goes to the primary; other requests are not affected.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "replication.read-your-writes.mode=window", "replication.read-your-writes.window=30s" })
class ReadYourWritesWebTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		ClusterProperties.register(registry);
	}

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void readAfterAWriteInTheSameRequestIsServedByThePrimary() throws Exception {
		assertThat(call("POST", "/write-then-read")).contains("\"node\":\"primary\"").contains("\"inRecovery\":false");
	}

	@Test
	void requestWithoutAWriteIsServedByAReplica() throws Exception {
		assertThat(call("GET", "/read")).contains("\"node\":\"replica-").contains("\"inRecovery\":true");
	}

	@Test
	void readInAnotherRequestWithinTheWindowIsServedByAReplica() throws Exception {
		assertThat(call("POST", "/write-then-read")).contains("\"node\":\"primary\"");
		// Well within the 30 s window, but a different request: it wrote nothing.
		assertThat(call("GET", "/read")).contains("\"node\":\"replica-").contains("\"inRecovery\":true");
	}

	private String call(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
