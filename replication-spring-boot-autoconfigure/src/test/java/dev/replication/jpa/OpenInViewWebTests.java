package dev.replication.jpa;

import java.util.concurrent.TimeUnit;

import dev.replication.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReadWriteReadBackWebTests} with Spring Boot's default {@code spring.jpa.open-in-view=true}:
 * the write no longer fails on the replica the request's first transaction used, and what JPA
 * loads lazily outside a transaction while the view renders is served by a replica.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "replication.read-your-writes.window=30s")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OpenInViewWebTests extends ReadWriteReadBackWebTests {

	@Autowired(required = false)
	private OpenEntityManagerInViewInterceptor openInView;

	@Test
	void openInViewIsOn() {
		assertThat(this.openInView).as("Spring Boot's default").isNotNull();
	}

	@Test
	void lazyLoadingWhileTheViewRendersIsServedByAReplica() throws Exception {
		this.cluster.replicas().forEach(this.cluster::resumeReplay);
		this.jdbcTemplate.update("INSERT INTO book (title, author_id) VALUES ('The Dispossessed', ?)", this.author);
		this.cluster.awaitReplication();
		String body = call("GET", "/authors/" + this.author);
		assertThat(body).contains("\"titles\":[\"The Dispossessed\"]");
		assertThat(decisions(body)).satisfiesExactly(
				(author) -> assertThat(author).startsWith("replica-").contains("(read-only transaction)"),
				(books) -> assertThat(books).startsWith("replica-").contains("(JPA outside a transaction)"));
	}

}
