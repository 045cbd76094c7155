package dev.replication.testapp;

import dev.replication.annotation.Primary;
import dev.replication.annotation.ReadOnly;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls {@link ProbeService} from inside other routing contexts.
 */
@Service
public class NestingService {

	private final ProbeService inner;

	private final NodeProbe probe;

	public NestingService(ProbeService inner, NodeProbe probe) {
		this.inner = inner;
		this.probe = probe;
	}

	@Transactional
	public ServedBy readOnlyInsideReadWriteTransaction() {
		return this.inner.readOnly();
	}

	@Transactional
	public ServedBy readOnlyTransactionJoiningReadWriteTransaction() {
		this.probe.probe();
		return this.inner.readOnlyTransaction();
	}

	@Primary
	public ServedBy readOnlyInsidePrimary() {
		return this.inner.readOnly();
	}

	@Primary
	public ServedBy readOnlyTransactionInsidePrimary() {
		return this.inner.readOnlyTransaction();
	}

	@ReadOnly
	public ServedBy primaryInsideReadOnly() {
		return this.inner.primary();
	}

	@ReadOnly
	public ServedBy readWriteTransactionInsideReadOnly() {
		return this.inner.readWriteTransaction();
	}

	@Transactional
	public ServedBy[] requiresNewReadOnlyInsideReadWriteTransaction() {
		ServedBy outer = this.probe.probe();
		return new ServedBy[] { outer, this.inner.requiresNewReadOnlyTransaction(), this.probe.probe() };
	}

	@Transactional(readOnly = true)
	public ServedBy[] requiresNewReadWriteInsideReadOnlyTransaction() {
		ServedBy outer = this.probe.probe();
		return new ServedBy[] { outer, this.inner.requiresNewReadWriteTransaction() };
	}

	/**
	 * A routed call (transactional, but without a transaction) that writes, then reads.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ServedBy readAfterWriteInOneCall(String body) {
		this.inner.write(body);
		return this.inner.readOnly();
	}

	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void readAfterWriteThenWriteUnderReadOnly() {
		this.inner.write("legitimate");
		this.inner.writeUnderReadOnly("refused although on the primary");
	}

	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ServedBy readWithoutWriteInOneCall() {
		return this.inner.readOnly();
	}

}
