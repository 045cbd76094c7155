package dev.replication.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity no migration creates a table for: only Hibernate's schema management does, in the
 * test that turns it on.
 */
@Entity
@Table(name = "shelf")
public class Shelf {

	@Id
	private Long id;

	protected Shelf() {
	}

}
