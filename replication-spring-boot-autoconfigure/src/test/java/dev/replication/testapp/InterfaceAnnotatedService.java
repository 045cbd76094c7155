package dev.replication.testapp;

import org.springframework.stereotype.Service;

@Service
public class InterfaceAnnotatedService implements ReadOnlyOnInterface {

	private final NodeProbe probe;

	public InterfaceAnnotatedService(NodeProbe probe) {
		this.probe = probe;
	}

	@Override
	public ServedBy readDeclaredReadOnly() {
		return this.probe.probe();
	}

	@Override
	public ServedBy readDeclaredPrimary() {
		return this.probe.probe();
	}

}
