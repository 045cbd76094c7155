package dev.replication.sample.user;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API over {@link ProfileService}: the user list and profile pages, both read from a
 * replica.
 */
@RestController
class ProfileController {

	private final ProfileService profileService;

	ProfileController(ProfileService profileService) {
		this.profileService = profileService;
	}

	@GetMapping("/users")
	List<UserSummary> users() {
		return this.profileService.users();
	}

	@GetMapping("/users/{userId}")
	Profile profile(@PathVariable long userId) {
		return this.profileService.profile(userId);
	}

}
