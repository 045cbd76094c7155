package dev.replication.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The application the routing integration tests run: services annotated the ways users
 * annotate theirs, a JPA repository, web controllers and an {@code @Async} method.
 */
@SpringBootApplication
@EnableAsync
public class TestApplication {

}
