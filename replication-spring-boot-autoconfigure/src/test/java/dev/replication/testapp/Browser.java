package dev.replication.testapp;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the web tests: keeps its cookies (like a browser, for every port of localhost,
 * as behind a load balancer) and follows redirects, a POST's 303 with a GET.
 */
public final class Browser {

	private static final Pattern FIELD = Pattern.compile("\"(id|found|node|inRecovery)\":\"?([^\",}]+)");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	/**
	 * POST {@code body} as a form to {@code url}, follow the redirect, and return the page.
	 */
	public HttpResponse<String> postForm(String url, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("body=" + URLEncoder.encode(body, StandardCharsets.UTF_8)))
			.build();
		return ok(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	/**
	 * GET {@code url}.
	 */
	public HttpResponse<String> get(String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
		return ok(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	/**
	 * Return the value of cookie {@code name}, if the browser holds one.
	 */
	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/**
	 * Set cookie {@code name} to {@code value} for localhost, replacing the one held.
	 */
	public void setCookie(String name, String value) {
		this.cookies.getCookieStore().removeAll();
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(URI.create("http://localhost/"), cookie);
	}

	/**
	 * Return the note view a page shows.
	 */
	public static NoteView note(HttpResponse<String> page) {
		Map<String, String> fields = new HashMap<>();
		Matcher matcher = FIELD.matcher(page.body());
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2));
		}
		if (fields.size() != 4) {
			throw new AssertionError("Not a note view: " + page.body());
		}
		return new NoteView(Long.parseLong(fields.get("id")), Boolean.parseBoolean(fields.get("found")),
				fields.get("node"), Boolean.parseBoolean(fields.get("inRecovery")));
	}

	private static HttpResponse<String> ok(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new AssertionError("HTTP " + response.statusCode() + " from " + response.uri() + ": " + response.body());
		}
		return response;
	}

}
