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
 * {@link ReadWriteReadBackWebTests} with {@code spring.jpa.open-in-view=false}: routing is the
 * same as with it on.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "replication.read-your-writes.window=30s", "spring.jpa.open-in-view=false" })
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OpenInViewOffWebTests extends ReadWriteReadBackWebTests {

	@Autowired(required = false)
	private OpenEntityManagerInViewInterceptor openInView;

	@Test
	void openInViewIsOff() {
		assertThat(this.openInView).isNull();
	}

}
