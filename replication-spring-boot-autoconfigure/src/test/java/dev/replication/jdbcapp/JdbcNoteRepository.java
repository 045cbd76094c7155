package dev.replication.jdbcapp;

import java.util.List;

import dev.replication.annotation.Primary;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/**
 * Spring Data JDBC query methods, none annotated for routing unless the test is about the
 * annotation.
 */
public interface JdbcNoteRepository extends ListCrudRepository<JdbcNote, Long>,
		ListPagingAndSortingRepository<JdbcNote, Long> {

	List<JdbcNote> findByBodyStartingWith(String prefix);

	Page<JdbcNote> findPageByBodyStartingWith(String prefix, Pageable pageable);

	long countByBodyStartingWith(String prefix);

	@Query("SELECT pg_is_in_recovery()")
	boolean servedByAReplica();

	@Primary
	@Query("SELECT pg_is_in_recovery()")
	boolean servedByAReplicaThoughPrimary();

	/**
	 * Spring Data JDBC runs this without a transaction, in auto-commit: on a replica it would fail.
	 */
	@Modifying
	@Query("UPDATE note SET body = :body WHERE id = :id")
	int rewrite(Long id, String body);

}
