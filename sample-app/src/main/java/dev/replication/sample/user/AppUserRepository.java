package dev.replication.sample.user;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link AppUser users}. Called from the services, whose annotations decide which node
 * serves each query: Spring Data gives only the inherited CRUD methods transactions of their
 * own, so a declared finder called with nothing around it would run on the primary.
 */
public interface AppUserRepository extends JpaRepository<AppUser, Long> {

	/**
	 * Return every user, by username.
	 */
	List<AppUser> findAllByOrderByUsername();

}
