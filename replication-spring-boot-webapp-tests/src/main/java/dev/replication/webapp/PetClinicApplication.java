package dev.replication.webapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small veterinary clinic in the style of Spring PetClinic, written as an ordinary application
 * that knows nothing about replicas: no routing annotation, no read-only transaction, Spring
 * Boot's defaults (open-in-view on). Its tests prove that the replication starter, added as a
 * dependency and pointed at a primary and its replicas, serves its reads from the replicas
 * without breaking a page or a form.
 */
@SpringBootApplication
public class PetClinicApplication {

	public static void main(String[] args) {
		SpringApplication.run(PetClinicApplication.class, args);
	}

}
