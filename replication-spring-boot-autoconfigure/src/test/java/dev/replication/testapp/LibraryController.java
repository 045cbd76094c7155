package dev.replication.testapp;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests that read, write and read back the way server-rendered pages do, reporting the
 * routing decisions each one made.
 */
@RestController
public class LibraryController {

	private final LibraryService library;

	private final BookRepository books;

	public LibraryController(LibraryService library, BookRepository books) {
		this.library = library;
		this.books = books;
	}

	/**
	 * Read the titles in a read-only transaction, add a book, and read the titles back.
	 */
	@PostMapping("/authors/{id}/books")
	public Map<String, Object> addAfterReadOnlyTransaction(@PathVariable long id, @RequestParam String title) {
		int before = this.library.titles(id).size();
		this.library.addBook(id, title);
		return Map.of("before", before, "titles", this.library.titles(id), "decisions",
				RequestRoutingLog.decisions());
	}

	/**
	 * Read with a query method outside any transaction, add a book, and read the titles back.
	 */
	@PostMapping("/authors/{id}/books-after-query")
	public Map<String, Object> addAfterQueryMethod(@PathVariable long id, @RequestParam String title) {
		int before = this.books.findByTitleStartingWith(title).size();
		this.library.addBook(id, title);
		return Map.of("before", before, "titles", this.library.titles(id), "decisions",
				RequestRoutingLog.decisions());
	}

	/**
	 * Read the titles in a read-only transaction.
	 */
	@GetMapping("/authors/{id}/titles")
	public Map<String, Object> titles(@PathVariable long id) {
		return Map.of("titles", this.library.titles(id), "decisions", RequestRoutingLog.decisions());
	}

	/**
	 * Search books with a query method, outside any transaction.
	 */
	@GetMapping("/books")
	public Map<String, Object> search(@RequestParam String prefix) {
		return Map.of("count", this.books.findByTitleStartingWith(prefix).size(), "decisions",
				RequestRoutingLog.decisions());
	}

	/**
	 * Render an author's page: the books are loaded lazily, outside the transaction that loaded
	 * the author, as a view would.
	 */
	@GetMapping("/authors/{id}")
	public Map<String, Object> page(@PathVariable long id) {
		Author author = this.library.author(id);
		List<String> titles = author.getBooks().stream().map(Book::getTitle).toList();
		return Map.of("name", author.getName(), "titles", titles, "decisions", RequestRoutingLog.decisions());
	}

}
