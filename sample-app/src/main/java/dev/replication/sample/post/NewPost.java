package dev.replication.sample.post;

/**
 * The JSON body of a request to publish a post.
 */
record NewPost(String body) {

}
