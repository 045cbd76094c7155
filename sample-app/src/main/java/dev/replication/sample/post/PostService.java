package dev.replication.sample.post;

import java.time.Instant;

import dev.replication.annotation.Primary;
import dev.replication.sample.NotFoundException;
import dev.replication.sample.user.AppUser;
import dev.replication.sample.user.AppUserRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes and shows posts: the write path of the application, and the reads that must see it.
 * The annotations alone decide where each method runs; nothing here names a database node.
 */
@Service
public class PostService {

	private final AppUserRepository users;

	private final PostRepository posts;

	public PostService(AppUserRepository users, PostRepository posts) {
		this.users = users;
		this.posts = posts;
	}

	/**
	 * Publish a post by the user with id {@code userId} and return its id. A read-write
	 * transaction, so it runs on the primary; its commit gives the HTTP request a token (the WAL
	 * position of the commit) that keeps the request's reads off replicas that have not replayed it.
	 * @throws NotFoundException if there is no such user
	 */
	@Transactional
	public long publish(long userId, String body) {
		AppUser author = this.users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
		return this.posts.save(new Post(author, body, Instant.now())).getId();
	}

	/**
	 * Return the post with id {@code postId}. A read-only transaction, so a replica serves it,
	 * unless the same request has just written: then the primary does, and the writer sees
	 * their post even if the replicas have not replayed it yet.
	 * @throws NotFoundException if there is no such post
	 */
	@Transactional(readOnly = true)
	public PostView show(long postId) {
		return find(postId);
	}

	/**
	 * Return the post with id {@code postId} as the primary has it: for callers that cannot
	 * afford a replica's lag, whatever wrote the post. {@link Primary @Primary} here is the
	 * replication starter's annotation, not Spring's bean-preference one.
	 * @throws NotFoundException if there is no such post
	 */
	@Primary
	@Transactional(readOnly = true)
	public PostView showFresh(long postId) {
		return find(postId);
	}

	private PostView find(long postId) {
		return PostView.of(this.posts.findWithAuthorById(postId).orElseThrow(() -> new NotFoundException("post", postId)));
	}

}
