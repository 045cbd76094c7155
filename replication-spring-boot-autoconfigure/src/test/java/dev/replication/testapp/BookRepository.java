package dev.replication.testapp;

import java.util.List;
import java.util.Optional;

import dev.replication.annotation.Primary;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Data JPA query methods of every kind, none annotated for routing unless the test is
 * about the annotation.
 */
public interface BookRepository extends JpaRepository<Book, Long>, JpaSpecificationExecutor<Book> {

	List<Book> findByTitleStartingWith(String prefix);

	/**
	 * A redeclared CRUD method is a query method to Spring Data, run without a transaction.
	 */
	@Override
	Optional<Book> findById(Long id);

	List<Book> findByAuthorIdOrderById(Long authorId);

	Page<Book> findByAuthorName(String name, Pageable pageable);

	long countByTitleStartingWith(String prefix);

	boolean existsByTitle(String title);

	@Query("select b from Book b where b.title = :title")
	Optional<Book> withTitle(String title);

	@Query(value = "SELECT inet_server_port()", nativeQuery = true)
	int servingPort();

	@Primary
	@Query(value = "SELECT inet_server_port()", nativeQuery = true)
	int servingPortOnThePrimary();

	@Transactional
	long deleteByTitle(String title);

	@Transactional
	@Modifying
	@Query("update Book b set b.title = :title where b.id = :id")
	int retitle(Long id, String title);

}
