package dev.replication.webapp;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * A scripted browser over real HTTP: keeps cookies (flash messages live in the session), follows
 * a form's redirect with a GET as a browser does (Post/Redirect/Get), and counts every request
 * that failed: a status other than 2xx/3xx, or a page that did not render to its footer (an
 * error page, or a view that broke half-way).
 */
final class Browser {

	private static final String PAGE_END = "id=\"page-end\"";

	private final RestClient client;

	private final List<String> failures = new ArrayList<>();

	private int requests;

	Browser(int port) {
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();
		this.client = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory(http))
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
			.build();
	}

	/**
	 * Return the page at the given path, or {@code null} if it failed.
	 */
	Page get(String path) {
		return get(path, "GET ");
	}

	private Page get(String path, String description) {
		Page page = this.client.get()
			.uri(path)
			.exchange((request, response) -> new Page(path, response.getStatusCode().value(),
					response.getHeaders().getLocation(),
					StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)));
		return check(description + path, page, false);
	}

	/**
	 * Submit a form and follow its redirect; return the page redirected to, or {@code null} if
	 * either request failed or the form did not redirect (it was shown again with errors).
	 */
	Page submit(String path, Map<String, String> fields) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		fields.forEach(form::add);
		Page page = this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange((request, response) -> new Page(path, response.getStatusCode().value(),
					response.getHeaders().getLocation(),
					StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)));
		if (check("POST " + path, page, true) == null) {
			return null;
		}
		return get(page.location().getPath(), "GET (after the redirect of POST " + path + ") ");
	}

	int requests() {
		return this.requests;
	}

	List<String> failures() {
		return this.failures;
	}

	private Page check(String request, Page page, boolean redirectExpected) {
		this.requests++;
		int status = page.status();
		if (redirectExpected) {
			if (status / 100 != 3 || page.location() == null) {
				return failed(request, page);
			}
			return page;
		}
		if (status / 100 == 3) {
			return page;
		}
		if (status / 100 != 2 || !page.body().contains(PAGE_END)) {
			return failed(request, page);
		}
		return page;
	}

	private Page failed(String request, Page page) {
		String body = page.body().replaceAll("\\s+", " ");
		this.failures.add(request + " -> " + page.status() + " " + body.substring(0, Math.min(300, body.length())));
		return null;
	}

	/**
	 * A response: the path requested, its status, {@code Location} and body.
	 */
	record Page(String path, int status, URI location, String body) {

	}

}
