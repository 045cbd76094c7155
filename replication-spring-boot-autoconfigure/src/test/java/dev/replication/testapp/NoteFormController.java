package dev.replication.testapp;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web flow read-your-writes scopes are for: a form POST that writes and redirects, then the
 * GET of the page that shows what was written; and writes whose reads are handed to other threads.
 */
@RestController
public class NoteFormController {

	private final ProbeService service;

	private final NoteReader reader;

	private final AsyncTaskExecutor executor;

	private final TransactionTemplate readOnly;

	private final JdbcTemplate jdbcTemplate;

	private final NodeProbe probe;

	public NoteFormController(ProbeService service, NoteReader reader,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor,
			PlatformTransactionManager transactionManager, JdbcTemplate jdbcTemplate, NodeProbe probe) {
		this.service = service;
		this.reader = reader;
		this.executor = executor;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.jdbcTemplate = jdbcTemplate;
		this.probe = probe;
	}

	@PostMapping("/notes")
	public ResponseEntity<Void> create(@RequestParam String body) {
		long id = this.service.write(body);
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/notes/" + id)).build();
	}

	@GetMapping("/notes/{id}")
	public NoteView show(@PathVariable long id) {
		return this.reader.find(id);
	}

	/**
	 * Write, then read on an {@code @Async} method.
	 */
	@PostMapping("/notes/async")
	public NoteView createThenReadAsync(@RequestParam String body) throws Exception {
		long id = this.service.write(body);
		return this.reader.findAsync(id).get(30, TimeUnit.SECONDS);
	}

	/**
	 * Write, then read in a {@link TransactionTemplate} job on the application's executor.
	 */
	@PostMapping("/notes/job")
	public NoteView createThenReadInAJob(@RequestParam String body) throws Exception {
		long id = this.service.write(body);
		return this.executor
			.submit(() -> this.readOnly.execute((status) -> NoteReader.view(this.jdbcTemplate, this.probe, id)))
			.get(30, TimeUnit.SECONDS);
	}

}
