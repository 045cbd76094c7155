package dev.replication.webapp.visit;

import java.util.Map;

import dev.replication.webapp.owner.Owner;
import dev.replication.webapp.owner.OwnerRepository;
import dev.replication.webapp.owner.Pet;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "add visit" form. As in Spring PetClinic, the owner and the pet are read before the
 * handler runs (the pet through the owner's lazy list); the visit is booked by
 * {@link VisitService}.
 */
@Controller
class VisitController {

	private static final String CREATE_OR_UPDATE_FORM = "pets/createOrUpdateVisitForm";

	private final OwnerRepository owners;

	private final VisitService visits;

	VisitController(OwnerRepository owners, VisitService visits) {
		this.owners = owners;
		this.visits = visits;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder dataBinder) {
		dataBinder.setDisallowedFields("id");
	}

	@ModelAttribute("visit")
	Visit loadPetWithVisit(@PathVariable int ownerId, @PathVariable int petId, Map<String, Object> model) {
		Owner owner = this.owners.findById(ownerId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No owner with id " + ownerId));
		Pet pet = owner.getPet(petId);
		if (pet == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Owner " + ownerId + " has no pet " + petId);
		}
		model.put("owner", owner);
		model.put("pet", pet);
		return new Visit();
	}

	@GetMapping("/owners/{ownerId}/pets/{petId}/visits/new")
	String initNewVisitForm() {
		return CREATE_OR_UPDATE_FORM;
	}

	@PostMapping("/owners/{ownerId}/pets/{petId}/visits/new")
	String processNewVisitForm(@PathVariable int petId, @Valid Visit visit, BindingResult result,
			RedirectAttributes redirectAttributes) {
		if (result.hasErrors()) {
			return CREATE_OR_UPDATE_FORM;
		}
		this.visits.book(petId, visit);
		redirectAttributes.addFlashAttribute("message", "Your visit has been booked");
		return "redirect:/owners/{ownerId}";
	}

}
