package dev.replication.testapp;

import dev.replication.annotation.ReadOnly;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NoteRepository extends JpaRepository<Note, Long> {

	/**
	 * Spring Data JPA runs declared query methods without a transaction; this one says it reads.
	 */
	@ReadOnly
	@Query(value = "SELECT inet_server_port()", nativeQuery = true)
	int servingPort();

	@Query(value = "SELECT inet_server_port()", nativeQuery = true)
	int servingPortUnannotated();

}
