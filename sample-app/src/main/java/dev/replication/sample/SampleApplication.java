package dev.replication.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A small social application whose feeds and profiles are read from PostgreSQL replicas while
 * posts are written to the primary, through the one DataSource the replication starter
 * provides. Run it with {@code ./mvnw -pl sample-app -am spring-boot:run}: it starts an embedded
 * primary with two replicas and logs where they listen. Its live page, at the root URL, shows the
 * nodes and where connections go; scheduling runs the page's background load.
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
