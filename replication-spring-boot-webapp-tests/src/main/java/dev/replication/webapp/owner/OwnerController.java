package dev.replication.webapp.owner;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Owner pages: search with paging, details, and the "new owner" form.
 */
@Controller
class OwnerController {

	static final int PAGE_SIZE = 5;

	private static final String CREATE_OR_UPDATE_FORM = "owners/createOrUpdateOwnerForm";

	private final OwnerRepository owners;

	OwnerController(OwnerRepository owners) {
		this.owners = owners;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder dataBinder) {
		dataBinder.setDisallowedFields("id");
	}

	@GetMapping("/owners/new")
	String initCreationForm(Model model) {
		model.addAttribute("owner", new Owner());
		return CREATE_OR_UPDATE_FORM;
	}

	@PostMapping("/owners/new")
	String processCreationForm(@Valid Owner owner, BindingResult result, RedirectAttributes redirectAttributes) {
		if (result.hasErrors()) {
			return CREATE_OR_UPDATE_FORM;
		}
		this.owners.save(owner);
		redirectAttributes.addFlashAttribute("message", "New Owner Created");
		return "redirect:/owners/" + owner.getId();
	}

	@GetMapping("/owners")
	String processFindForm(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "") String lastName, Model model) {
		Page<Owner> owners = this.owners.findByLastNameStartingWith(lastName, PageRequest.of(page - 1, PAGE_SIZE));
		model.addAttribute("lastName", lastName);
		model.addAttribute("currentPage", page);
		model.addAttribute("totalPages", owners.getTotalPages());
		model.addAttribute("totalItems", owners.getTotalElements());
		model.addAttribute("listOwners", owners.getContent());
		return "owners/ownersList";
	}

	@GetMapping("/owners/{ownerId}")
	String showOwner(@PathVariable int ownerId, Model model) {
		Owner owner = this.owners.findById(ownerId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No owner with id " + ownerId));
		model.addAttribute("owner", owner);
		return "owners/ownerDetails";
	}

}
