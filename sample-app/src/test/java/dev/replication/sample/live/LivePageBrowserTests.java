package dev.replication.sample.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.replication.embedded.EmbeddedReplicationCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live page ({@code static/index.html}) in a real headless Chromium, against the sample's
 * embedded primary and replicas: it renders every node, and a replica paused through the page's
 * own demo control shows its lag growing as posts are written. Skipped where Debian's
 * {@code chromium} and {@code chromium-driver} are not installed; CI installs them.
 *
 * <p>Saves a screenshot of the page to {@code target/live-page.png}, or to the path in the
 * {@code live-page.screenshot} system property (the README's {@code docs/live-page.png} is made
 * that way).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.load.enabled=false")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LivePageBrowserTests {

	private static final String PAUSED = "replica-1";

	// Generous: the page polls every second and the health monitor checks every second, but a
	// loaded 2-core machine may be slow at both.
	private static final Duration WAIT = Duration.ofSeconds(60);

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedReplicationCluster cluster;

	@Autowired
	private DemoControls demo;

	@Autowired
	private LoadGenerator load;

	@Test
	void pageRendersEveryNodeAndAPausedReplicaShowsGrowingLag() throws Exception {
		// In the test rather than a @BeforeAll: Surefire reports a skipped test with its reason,
		// but drops a class whose set-up was skipped without a word.
		String missing = HeadlessChromium.missing();
		assumeTrue(missing == null, () -> "Live page browser test skipped: " + missing);
		long started = System.nanoTime();
		try (HeadlessChromium browser = HeadlessChromium.start(1360, 1000)) {
			System.out.println("MEASURED live page: browser started in " + millisSince(started) + " ms");
			ChromeDriver driver = browser.driver();
			WebDriverWait wait = new WebDriverWait(driver, WAIT);
			driver.get(uri("/").toString());
			wait.until((d) -> d.findElements(By.cssSelector("article[data-node]")).size() == 3);
			assertThat(driver.findElements(By.cssSelector("article[data-node]")))
				.extracting((card) -> card.getDomAttribute("data-node"))
				.containsExactly("primary", "replica-1", "replica-2");
			assertThat(text(driver, "primary", "role")).isEqualTo("primary");
			assertThat(text(driver, "replica-1", "role")).isEqualTo("standby");
			assertThat(text(driver, "replica-2", "role")).isEqualTo("standby");
			assertThat(driver.findElement(By.id("summary")).getDomAttribute("data-value")).isEqualTo("primary");

			// Background traffic, switched on from the page, so that the split has something to show.
			driver.findElement(By.id("load-toggle")).click();
			wait.until((d) -> "true".equals(d.findElement(By.id("load-toggle")).getDomAttribute("data-enabled")));
			try {
				long clicked = System.nanoTime();
				wait.until(ExpectedConditions.elementToBeClickable(control(PAUSED, "pause"))).click();
				wait.until((d) -> state(d, PAUSED).contains("replay paused"));
				System.out.println("MEASURED live page: replay paused and shown " + millisSince(clicked) + " ms after the click");
				publish(20);
				wait.until((d) -> lagBytes(d, PAUSED) > 0);
				long first = lagBytes(driver, PAUSED);
				publish(20);
				wait.until((d) -> lagBytes(d, PAUSED) > first);
				long grown = lagBytes(driver, PAUSED);
				System.out.println("MEASURED live page: " + PAUSED + " lag grew from " + first + " to " + grown
						+ " bytes on the page, " + millisSince(clicked) + " ms after the click");
				// Let the split cover a few seconds of load before the picture is taken.
				wait.until((d) -> !d.findElements(By.cssSelector("#split tbody tr[data-node='replica-2']")).isEmpty());
				screenshot(driver, wait);
			}
			finally {
				this.load.setEnabled(false);
				if (this.demo.controls(PAUSED) != null && this.demo.controls(PAUSED).replayPaused()) {
					this.demo.perform(PAUSED, DemoControls.Action.RESUME);
				}
				this.cluster.resumeReplay(this.cluster.node(PAUSED));
				this.cluster.awaitReplication();
			}
		}
		System.out.println("MEASURED live page: browser test took " + millisSince(started) + " ms");
	}

	private static By control(String node, String action) {
		return By.cssSelector("article[data-node='" + node + "'] button[data-action='" + action + "']");
	}

	private static WebElement field(WebDriver driver, String node, String field) {
		return driver.findElement(By.cssSelector("article[data-node='" + node + "'] [data-field='" + field + "']"));
	}

	private static String text(WebDriver driver, String node, String field) {
		// The DOM's text, not the rendered one: CSS shows roles in capitals.
		return field(driver, node, field).getDomProperty("textContent");
	}

	private static List<String> state(WebDriver driver, String node) {
		String value = field(driver, node, "state").getDomAttribute("data-value");
		return (value != null) ? List.of(value.split(",")) : List.of();
	}

	private static long lagBytes(WebDriver driver, String node) {
		String value = field(driver, node, "lag-bytes").getDomAttribute("data-value");
		return (value != null) ? Long.parseLong(value) : -1;
	}

	private void publish(int posts) throws IOException, InterruptedException {
		for (int i = 0; i < posts; i++) {
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri("/users/1/posts"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"Written while replica-1 is paused\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(201);
		}
	}

	private static void screenshot(ChromeDriver driver, WebDriverWait wait) throws IOException {
		String docs = System.getProperty("live-page.screenshot");
		if (docs != null) {
			// For the README's picture: past the lag limit, the paused replica serves no reads.
			wait.withTimeout(Duration.ofSeconds(90)).until((d) -> state(d, PAUSED).contains("no reads"));
		}
		Path target = Path.of((docs != null) ? docs : "target/live-page.png");
		Files.createDirectories(target.toAbsolutePath().getParent());
		Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
		System.out.println("MEASURED live page: screenshot saved to " + target.toAbsolutePath());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static long millisSince(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
	}

}
