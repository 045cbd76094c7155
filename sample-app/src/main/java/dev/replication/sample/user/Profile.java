package dev.replication.sample.user;

/**
 * A user's profile page in JSON: who they are and how much they have posted.
 */
public record Profile(long id, String username, String displayName, long posts) {

}
