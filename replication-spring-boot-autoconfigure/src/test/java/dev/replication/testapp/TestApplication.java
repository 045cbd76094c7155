package dev.replication.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the routing integration tests run: services annotated the ways users
 * annotate theirs, a JPA repository and a web controller.
 */
@SpringBootApplication
public class TestApplication {

}
