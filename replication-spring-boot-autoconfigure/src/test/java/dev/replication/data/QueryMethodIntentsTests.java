package dev.replication.data;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.replication.annotation.Primary;
import dev.replication.annotation.ReadOnly;
import dev.replication.context.RoutingIntent;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.query.Procedure;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link QueryMethodIntents}: which query methods read and which write, from Spring
 * Data's metadata alone.
 */
class QueryMethodIntentsTests {

	@Test
	void derivedQueriesThatReadAreReadOnly() {
		assertThat(intent(Books.class, "findByTitle")).isEqualTo(RoutingIntent.READ_ONLY);
		assertThat(intent(Books.class, "readFirst10ByTitleStartingWith")).isEqualTo(RoutingIntent.READ_ONLY);
		assertThat(intent(Books.class, "countByTitle")).isEqualTo(RoutingIntent.READ_ONLY);
		assertThat(intent(Books.class, "existsByTitle")).isEqualTo(RoutingIntent.READ_ONLY);
		assertThat(intent(Books.class, "streamByTitle")).isEqualTo(RoutingIntent.READ_ONLY);
		assertThat(intent(Books.class, "findByTitle", String.class, Pageable.class)).isEqualTo(RoutingIntent.READ_ONLY);
	}

	@Test
	void queryWithoutModifyingIsReadOnly() {
		assertThat(intent(Books.class, "titled")).isEqualTo(RoutingIntent.READ_ONLY);
		assertThat(intent(Books.class, "deleteLooking")).as("a @Query's name says nothing")
			.isEqualTo(RoutingIntent.READ_ONLY);
	}

	@Test
	void derivedDeletesModifyingAndProceduresGoToThePrimary() {
		assertThat(intent(Books.class, "deleteByTitle")).isEqualTo(RoutingIntent.PRIMARY);
		assertThat(intent(Books.class, "removeByTitle")).isEqualTo(RoutingIntent.PRIMARY);
		assertThat(intent(Books.class, "retitle")).isEqualTo(RoutingIntent.PRIMARY);
		assertThat(intent(Books.class, "archive")).isEqualTo(RoutingIntent.PRIMARY);
	}

	@Test
	void methodsThatDeclareRoutingOrTransactionsAreLeftToTheirAnnotation() {
		Map<Method, RoutingIntent> intents = QueryMethodIntents.of(information(Books.class));
		assertThat(intents).doesNotContainKeys(method(Books.class, "onThePrimary"),
				method(Books.class, "alreadyReadOnly"), method(Books.class, "inATransaction"));
		assertThat(intents).containsEntry(method(Books.class, "findByTitle"), RoutingIntent.READ_ONLY);
	}

	@Test
	void repositoryThatDeclaresRoutingIsLeftToItsAnnotation() {
		assertThat(QueryMethodIntents.of(information(PrimaryBooks.class))).isEmpty();
	}

	private static RoutingIntent intent(Class<?> repository, String name, Class<?>... parameters) {
		return QueryMethodIntents.intent(method(repository, name, parameters), Book.class);
	}

	private static Method method(Class<?> repository, String name, Class<?>... parameters) {
		Method method = (parameters.length > 0) ? ReflectionUtils.findMethod(repository, name, parameters)
				: Arrays.stream(repository.getMethods())
					.filter((candidate) -> candidate.getName().equals(name))
					.min(Comparator.comparingInt(Method::getParameterCount))
					.orElse(null);
		assertThat(method).as(name).isNotNull();
		return method;
	}

	private static RepositoryInformation information(Class<?> repository) {
		RepositoryInformation information = mock(RepositoryInformation.class);
		given(information.getRepositoryInterface()).willAnswer((invocation) -> repository);
		given(information.getDomainType()).willAnswer((invocation) -> Book.class);
		given(information.getQueryMethods()).willReturn(List.of(repository.getMethods()));
		return information;
	}

	static class Book {

		String title;

	}

	interface Books {

		List<Book> findByTitle(String title);

		Page<Book> findByTitle(String title, Pageable pageable);

		List<Book> readFirst10ByTitleStartingWith(String prefix);

		long countByTitle(String title);

		boolean existsByTitle(String title);

		Stream<Book> streamByTitle(String title);

		@Query("select b from Book b where b.title = ?1")
		List<Book> titled(String title);

		@Query("select b from Book b where b.title = ?1")
		List<Book> deleteLooking(String title);

		long deleteByTitle(String title);

		long removeByTitle(String title);

		@Modifying
		@Query("update Book b set b.title = ?2 where b.title = ?1")
		int retitle(String from, String to);

		@Procedure("archive_books")
		void archive(String title);

		@Primary
		List<Book> onThePrimary(String title);

		@ReadOnly
		List<Book> alreadyReadOnly(String title);

		@Transactional
		List<Book> inATransaction(String title);

	}

	@Primary
	interface PrimaryBooks {

		List<Book> findByTitle(String title);

	}

}
