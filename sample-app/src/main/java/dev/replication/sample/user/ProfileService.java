package dev.replication.sample.user;

import java.util.List;

import dev.replication.sample.NotFoundException;
import dev.replication.sample.post.PostRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads users and their profiles. Profiles are read far more often than they change, so every
 * method is a read-only transaction: served by a replica, with both queries of a profile on the
 * same one so that the user and the count agree.
 */
@Service
public class ProfileService {

	private final AppUserRepository users;

	private final PostRepository posts;

	public ProfileService(AppUserRepository users, PostRepository posts) {
		this.users = users;
		this.posts = posts;
	}

	/**
	 * Return every user, by username.
	 */
	@Transactional(readOnly = true)
	public List<UserSummary> users() {
		return this.users.findAllByOrderByUsername().stream().map(UserSummary::of).toList();
	}

	/**
	 * Return the profile of the user with id {@code userId}.
	 * @throws NotFoundException if there is no such user
	 */
	@Transactional(readOnly = true)
	public Profile profile(long userId) {
		AppUser user = this.users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
		return new Profile(user.getId(), user.getUsername(), user.getDisplayName(),
				this.posts.countByAuthorId(userId));
	}

}
