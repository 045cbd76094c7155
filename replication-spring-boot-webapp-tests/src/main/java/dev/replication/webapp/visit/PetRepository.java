package dev.replication.webapp.visit;

import dev.replication.webapp.owner.Pet;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Pets, by id.
 */
interface PetRepository extends JpaRepository<Pet, Integer> {

}
