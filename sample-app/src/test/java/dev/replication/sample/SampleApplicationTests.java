package dev.replication.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.replication.embedded.EmbeddedReplicationCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the sample application, over HTTP against its embedded primary and replicas: the
 * {@code X-Replication-Node} header of each response says which node served the request's last
 * query.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.load.enabled=false")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SampleApplicationTests {

	private static final long ALICE = 1;

	private static final long BOB = 2;

	private final HttpClient client = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedReplicationCluster cluster;

	@Test
	void postCreatedAndReadBackInOneRequestIsServedByThePrimaryWhileNoReplicaHasReplayedIt() throws Exception {
		HttpResponse<String> response;
		this.cluster.replicas().forEach(this.cluster::pauseReplay);
		try {
			response = publish(ALICE, "Hello from the primary");
		}
		finally {
			this.cluster.replicas().forEach(this.cluster::resumeReplay);
			this.cluster.awaitReplication();
		}
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(node(response)).isEqualTo("primary");
		assertThat(reason(response)).isEqualTo("no replica has replayed the caller's writes");
		JsonNode post = this.json.readTree(response.body());
		assertThat(post.get("author").asString()).isEqualTo("alice");
		assertThat(post.get("body").asString()).isEqualTo("Hello from the primary");
		assertThat(response.headers().firstValue("Location")).hasValue("/posts/" + post.get("id").asLong());
	}

	@Test
	void feedIsServedByAReplica() throws Exception {
		HttpResponse<String> response = get("/users/" + BOB + "/feed");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(node(response)).startsWith("replica-");
		assertThat(reason(response)).isEqualTo("@ReadOnly");
	}

	@Test
	void postReadInANewRequestAfterItsWriteIsServedByAReplica() throws Exception {
		long id = this.json.readTree(publish(BOB, "Replicated in a moment").body()).get("id").asLong();
		this.cluster.awaitReplication();
		HttpResponse<String> response = get("/posts/" + id);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(node(response)).startsWith("replica-");
		assertThat(reason(response)).isEqualTo("read-only transaction");
		assertThat(response.body()).contains("Replicated in a moment");
	}

	@Test
	void freshPostIsServedByThePrimary() throws Exception {
		long id = this.json.readTree(publish(ALICE, "Needed fresh").body()).get("id").asLong();
		HttpResponse<String> response = get("/posts/" + id + "/fresh");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(node(response)).isEqualTo("primary");
		assertThat(reason(response)).isEqualTo("@Primary");
		assertThat(response.body()).contains("Needed fresh");
	}

	@Test
	void feedListsPostsNewestFirst() throws Exception {
		publish(BOB, "First of two");
		publish(BOB, "Second of two");
		this.cluster.awaitReplication();
		String body = get("/users/" + BOB + "/feed").body();
		assertThat(body.indexOf("Second of two")).isNotNegative().isLessThan(body.indexOf("First of two"));
	}

	@Test
	void profileAndUserListAreServedByAReplica() throws Exception {
		HttpResponse<String> profile = get("/users/" + ALICE);
		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.body()).contains("\"username\":\"alice\"");
		assertThat(node(profile)).startsWith("replica-");
		HttpResponse<String> users = get("/users");
		assertThat(users.body()).contains("alice", "bob", "carol");
		assertThat(node(users)).startsWith("replica-");
	}

	@Test
	void topologyListsEveryNodeWithItsRole() throws Exception {
		HttpResponse<String> response = get("/topology");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode nodes = this.json.readTree(response.body());
		assertThat(nodes).hasSize(3);
		assertThat(nodes.get(0).get("name").asText()).isEqualTo("primary");
		assertThat(nodes.get(0).get("up").asBoolean()).isTrue();
		assertThat(nodes.get(1).get("name").asText()).isEqualTo("replica-1");
		assertThat(nodes.get(1).get("readable").asBoolean()).isTrue();
	}

	@Test
	void livePageStateListsEveryNodeWithItsDemoControls() throws Exception {
		get("/users/" + BOB + "/feed");
		HttpResponse<String> response = get("/live");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode state = this.json.readTree(response.body());
		assertThat(state.get("primary").asString()).isEqualTo("primary");
		assertThat(state.get("demo").asBoolean()).isTrue();
		assertThat(state.get("load").get("enabled").asBoolean()).isFalse();
		JsonNode nodes = state.get("nodes");
		assertThat(nodes).hasSize(3);
		assertThat(nodes.get(0).get("writer").asBoolean()).isTrue();
		assertThat(nodes.get(1).get("name").asString()).isEqualTo("replica-1");
		assertThat(nodes.get(1).get("role").asString()).isEqualTo("standby");
		assertThat(nodes.get(1).get("demo").get("actions").toString()).contains("pause", "stop", "promote");
	}

	@Test
	void unknownDemoActionIsNotFoundAndOneThatDoesNotApplyIsAConflict() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/live/nodes/replica-1/explode"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build()).statusCode()).isEqualTo(404);
		HttpResponse<String> conflict = send(HttpRequest.newBuilder(uri("/live/nodes/replica-1/resume"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.body()).contains("'resume' does not apply to node [replica-1] now");
	}

	@Test
	void prometheusScrapeEndpointIsExposed() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes")
			.contains("replication_routing_total")
			.contains("hikaricp_connections{pool=\"replica-1\"");
	}

	@Test
	void replicationEndpointAndHealthShowEveryNode() throws Exception {
		HttpResponse<String> endpoint = get("/actuator/replication");
		assertThat(endpoint.statusCode()).isEqualTo(200);
		assertThat(endpoint.body()).contains("\"primary\"", "\"replica-1\"", "\"replica-2\"");
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"", "\"replication\"", "\"replica-2\"")
			.as("Boot's per-pool probe is replaced by the starter's view").doesNotContain("\"db\"");
	}

	@Test
	void missingPostIsNotFound() throws Exception {
		HttpResponse<String> response = get("/posts/999999");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("No post with id 999999");
		assertThat(node(response)).startsWith("replica-");
	}

	@Test
	void postByMissingUserIsNotFound() throws Exception {
		assertThat(publish(999999, "Nobody").statusCode()).isEqualTo(404);
	}

	@Test
	void emptyPostIsRejected() throws Exception {
		assertThat(publish(ALICE, " ").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> publish(long userId, String body) throws IOException, InterruptedException {
		String content = this.json.writeValueAsString(Map.of("body", body));
		return send(HttpRequest.newBuilder(uri("/users/" + userId + "/posts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(content))
			.build());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String node(HttpResponse<?> response) {
		return response.headers().firstValue("X-Replication-Node").orElse(null);
	}

	private static String reason(HttpResponse<?> response) {
		return response.headers().firstValue("X-Replication-Reason").orElse(null);
	}

}
