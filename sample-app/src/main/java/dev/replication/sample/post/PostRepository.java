package dev.replication.sample.post;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link Post posts}. The finders fetch the author with the post, in the same query, so
 * that a post can be shown after its transaction has ended.
 */
public interface PostRepository extends JpaRepository<Post, Long> {

	/**
	 * Return the post with id {@code id} and its author.
	 */
	@EntityGraph(attributePaths = "author")
	Optional<Post> findWithAuthorById(Long id);

	/**
	 * Return the latest 20 posts of the user with id {@code authorId}, newest first.
	 */
	@EntityGraph(attributePaths = "author")
	List<Post> findTop20ByAuthorIdOrderByCreatedAtDescIdDesc(Long authorId);

	/**
	 * Return how many posts the user with id {@code authorId} has published.
	 */
	long countByAuthorId(Long authorId);

}
