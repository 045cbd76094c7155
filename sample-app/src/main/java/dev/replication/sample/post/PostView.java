package dev.replication.sample.post;

import java.time.Instant;

/**
 * A post as sent in JSON, with its author's username: built inside the transaction that read
 * the post, so that serializing it never touches the database.
 */
public record PostView(long id, long authorId, String author, String body, Instant createdAt) {

	static PostView of(Post post) {
		return new PostView(post.getId(), post.getAuthor().getId(), post.getAuthor().getUsername(), post.getBody(),
				post.getCreatedAt());
	}

}
