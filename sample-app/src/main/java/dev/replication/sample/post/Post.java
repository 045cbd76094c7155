package dev.replication.sample.post;

import java.time.Instant;

import dev.replication.sample.user.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A short text a user has published. Its author is loaded lazily; the queries that need the
 * author fetch it with the post, in the same query, so rendering a post costs no second query.
 */
@Entity
public class Post {

	/**
	 * The longest body a post may have, as the {@code post.body} column allows.
	 */
	public static final int MAX_BODY_LENGTH = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "author_id", nullable = false)
	private AppUser author;

	@Column(nullable = false, length = MAX_BODY_LENGTH)
	private String body;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Post() {
	}

	public Post(AppUser author, String body, Instant createdAt) {
		this.author = author;
		this.body = body;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public AppUser getAuthor() {
		return this.author;
	}

	public String getBody() {
		return this.body;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
