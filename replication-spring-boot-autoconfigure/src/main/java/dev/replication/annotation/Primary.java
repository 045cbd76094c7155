package dev.replication.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Indicates that a method, or every method of a type, must run on the primary database, even
 * for reads: for data that must be current, such as a post its author has just published.
 * Calls nested inside stay on the primary too, {@link ReadOnly @ReadOnly} ones included.
 *
 * <p><strong>Not to be confused with Spring's
 * {@link org.springframework.context.annotation.Primary @org.springframework.context.annotation.Primary}</strong>,
 * which marks the preferred bean among several candidates. This one is about the database node
 * and is only meaningful on service methods and types; import {@code dev.replication.annotation.Primary}
 * (or write its full name) where both are in use.
 *
 * @see ReadOnly
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Primary {

}
