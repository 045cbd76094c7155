package dev.replication.jdbcapp;

import dev.replication.testapp.ThreadRoutingLog;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * An application on Spring Data JDBC alone (JPA is on the test class path for the other test
 * application, and is left out here), for the repository routing tests.
 */
@SpringBootApplication(exclude = { HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class })
@Import(ThreadRoutingLog.class)
public class JdbcTestApplication {

}
