package dev.replication.testapp;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service written the usual way: read-only transactions for reads, read-write ones for writes.
 */
@Service
public class LibraryService {

	private final AuthorRepository authors;

	private final BookRepository books;

	public LibraryService(AuthorRepository authors, BookRepository books) {
		this.authors = authors;
		this.books = books;
	}

	@Transactional(readOnly = true)
	public Author author(long id) {
		return this.authors.findById(id).orElseThrow();
	}

	@Transactional
	public Book addBook(long authorId, String title) {
		return this.books.save(new Book(title, this.authors.getReferenceById(authorId)));
	}

	/**
	 * Return the titles of an author's books, by a query: unlike the author's collection, which
	 * an open-in-view EntityManager may hold from earlier in the request, it reads the database.
	 */
	@Transactional(readOnly = true)
	public List<String> titles(long authorId) {
		return this.books.findByAuthorIdOrderById(authorId).stream().map(Book::getTitle).toList();
	}

}
