package dev.replication.testapp;

import dev.replication.annotation.Primary;
import dev.replication.annotation.ReadOnly;

import org.springframework.stereotype.Service;

/**
 * {@code @ReadOnly} on the type, beaten by {@code @Primary} on a method.
 */
@Service
@ReadOnly
public class TypeAnnotatedService {

	private final NodeProbe probe;

	public TypeAnnotatedService(NodeProbe probe) {
		this.probe = probe;
	}

	public ServedBy inheritsTypeAnnotation() {
		return this.probe.probe();
	}

	@Primary
	public ServedBy overridesTypeAnnotation() {
		return this.probe.probe();
	}

}
