package dev.replication.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Indicates that a method, or every method of a type, only reads, so that its statements may be
 * served by a replica chosen by the load balancer.
 *
 * <p>The connection is also marked read-only, so a write attempted inside is refused by
 * PostgreSQL and changes nothing. A read-write transaction, a {@link Primary @Primary} caller
 * and a write made moments before in the same request all keep the statements on the primary:
 * see the routing rules in the README. A method's annotation beats its type's; annotations on
 * interfaces are honoured.
 *
 * @see Primary
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface ReadOnly {

}
