package dev.replication.testapp;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web endpoints for the request-scoped read-your-writes tests.
 */
@RestController
public class ProbeController {

	private final ProbeService service;

	public ProbeController(ProbeService service) {
		this.service = service;
	}

	@PostMapping("/write-then-read")
	public ServedBy writeThenRead() {
		this.service.write("from a request");
		return this.service.readOnly();
	}

	@GetMapping("/read")
	public ServedBy read() {
		return this.service.readOnly();
	}

}
