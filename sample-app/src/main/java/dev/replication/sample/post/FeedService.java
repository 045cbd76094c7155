package dev.replication.sample.post;

import java.util.List;

import dev.replication.annotation.ReadOnly;
import dev.replication.sample.NotFoundException;
import dev.replication.sample.user.AppUserRepository;

import org.springframework.stereotype.Service;

/**
 * Builds users' feeds, the most read page of the application and one that tolerates a replica
 * being a moment behind: {@link ReadOnly @ReadOnly} sends its queries to replicas without a
 * transaction around them, so each may be served by a different replica.
 */
@Service
public class FeedService {

	private final AppUserRepository users;

	private final PostRepository posts;

	public FeedService(AppUserRepository users, PostRepository posts) {
		this.users = users;
		this.posts = posts;
	}

	/**
	 * Return the latest posts of the user with id {@code userId}, newest first.
	 * @throws NotFoundException if there is no such user
	 */
	@ReadOnly
	public List<PostView> feed(long userId) {
		if (!this.users.existsById(userId)) {
			throw new NotFoundException("user", userId);
		}
		return this.posts.findTop20ByAuthorIdOrderByCreatedAtDescIdDesc(userId).stream().map(PostView::of).toList();
	}

}
