package dev.replication.sample.user;

/**
 * A user as listed in JSON: what a client needs to name and link to them.
 */
public record UserSummary(long id, String username, String displayName) {

	static UserSummary of(AppUser user) {
		return new UserSummary(user.getId(), user.getUsername(), user.getDisplayName());
	}

}
