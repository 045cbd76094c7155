package dev.replication.aop;

import java.lang.reflect.Method;

import dev.replication.annotation.Primary;
import dev.replication.annotation.ReadOnly;
import dev.replication.aop.RoutingAttributeSource.Declaration;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoutingAttributeSource}.
 */
class RoutingAttributeSourceTests {

	private final RoutingAttributeSource source = new RoutingAttributeSource();

	@Test
	void methodAnnotationBeatsTypeAnnotation() throws Exception {
		assertThat(declaration(ReadOnlyType.class, "inherits")).isEqualTo(Declaration.READ_ONLY);
		assertThat(declaration(ReadOnlyType.class, "overrides")).isEqualTo(Declaration.PRIMARY);
	}

	@Test
	void interfaceAnnotationsAreHonoured() throws Exception {
		Method method = Reader.class.getMethod("read");
		assertThat(this.source.declaration(method, ReaderImpl.class)).isEqualTo(Declaration.READ_ONLY);
		assertThat(declaration(ReaderImpl.class, "read")).isEqualTo(Declaration.READ_ONLY);
	}

	@Test
	void transactionalMethodOpensAScopeWithoutIntent() throws Exception {
		assertThat(declaration(Plain.class, "transactional")).isEqualTo(Declaration.SCOPE);
		assertThat(Declaration.SCOPE.intent()).isNull();
	}

	@Test
	void unannotatedMethodIsNotIntercepted() throws Exception {
		assertThat(declaration(Plain.class, "plain")).isEqualTo(Declaration.NONE);
	}

	@Test
	void bothAnnotationsOnOneMethodMeanPrimary() throws Exception {
		assertThat(declaration(Plain.class, "contradictory")).isEqualTo(Declaration.PRIMARY);
	}

	private Declaration declaration(Class<?> type, String name) throws Exception {
		return this.source.declaration(type.getMethod(name), type);
	}

	@ReadOnly
	static class ReadOnlyType {

		public void inherits() {
		}

		@Primary
		public void overrides() {
		}

	}

	interface Reader {

		@ReadOnly
		void read();

	}

	static class ReaderImpl implements Reader {

		@Override
		public void read() {
		}

	}

	static class Plain {

		public void plain() {
		}

		@Transactional
		public void transactional() {
		}

		@Primary
		@ReadOnly
		public void contradictory() {
		}

	}

}
