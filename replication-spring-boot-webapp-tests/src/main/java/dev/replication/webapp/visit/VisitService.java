package dev.replication.webapp.visit;

import dev.replication.webapp.owner.Pet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books visits, in a transaction of its own as an ordinary write service would.
 */
@Service
public class VisitService {

	private final PetRepository pets;

	private final VisitRepository visits;

	VisitService(PetRepository pets, VisitRepository visits) {
		this.pets = pets;
		this.visits = visits;
	}

	/**
	 * Book the given visit for the pet with the given id, and return it saved.
	 */
	@Transactional
	public Visit book(int petId, Visit visit) {
		Pet pet = this.pets.findById(petId).orElseThrow(() -> new IllegalArgumentException("No pet with id " + petId));
		pet.addVisit(visit);
		return this.visits.save(visit);
	}

}
