package dev.replication.webapp.owner;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Owners, as Spring PetClinic reads them: a derived paged finder, a redeclared
 * {@code findById} and a {@code @Query} for the pet types, none of them annotated.
 */
public interface OwnerRepository extends JpaRepository<Owner, Integer> {

	/**
	 * Return a page of the owners whose last name starts with the given text.
	 */
	Page<Owner> findByLastNameStartingWith(String lastName, Pageable pageable);

	/**
	 * Return the owner with the given id.
	 */
	@Override
	Optional<Owner> findById(Integer id);

	/**
	 * Return every pet type, by name.
	 */
	@Query("SELECT ptype FROM PetType ptype ORDER BY ptype.name")
	List<PetType> findPetTypes();

}
