package dev.replication.sample.post;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * HTTP API over {@link PostService} and {@link FeedService}. Each call of a service is routed on
 * its own, which is what lets one request write on the primary and then read.
 */
@RestController
class PostController {

	private final PostService postService;

	private final FeedService feedService;

	PostController(PostService postService, FeedService feedService) {
		this.postService = postService;
		this.feedService = feedService;
	}

	/**
	 * Publish a post and answer with it as read back through {@link PostService#show}: a
	 * replica read, which read-your-writes sends only to a replica that has replayed this
	 * request's write, or else to the primary.
	 */
	@PostMapping("/users/{userId}/posts")
	ResponseEntity<PostView> publish(@PathVariable long userId, @RequestBody NewPost newPost) {
		String body = newPost.body();
		if (!StringUtils.hasText(body) || body.length() > Post.MAX_BODY_LENGTH) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"A post needs a body of 1 to " + Post.MAX_BODY_LENGTH + " characters");
		}
		PostView post = this.postService.show(this.postService.publish(userId, body));
		return ResponseEntity.created(URI.create("/posts/" + post.id())).body(post);
	}

	@GetMapping("/posts/{postId}")
	PostView show(@PathVariable long postId) {
		return this.postService.show(postId);
	}

	@GetMapping("/posts/{postId}/fresh")
	PostView showFresh(@PathVariable long postId) {
		return this.postService.showFresh(postId);
	}

	@GetMapping("/users/{userId}/feed")
	List<PostView> feed(@PathVariable long userId) {
		return this.feedService.feed(userId);
	}

}
