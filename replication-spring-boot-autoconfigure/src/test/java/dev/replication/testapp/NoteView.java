package dev.replication.testapp;

/**
 * What a read of one note saw, and which node served it.
 *
 * @param id the note asked for
 * @param found whether the node had the row
 * @param node the node name, by port
 * @param inRecovery {@code pg_is_in_recovery()} of that node
 */
public record NoteView(long id, boolean found, String node, boolean inRecovery) {

	public boolean isPrimary() {
		return !this.inRecovery;
	}

}
