package dev.replication.testapp;

import dev.replication.annotation.Primary;
import dev.replication.annotation.ReadOnly;

/**
 * Routing declared on an interface, honoured on its implementation.
 */
public interface ReadOnlyOnInterface {

	@ReadOnly
	ServedBy readDeclaredReadOnly();

	@Primary
	ServedBy readDeclaredPrimary();

}
