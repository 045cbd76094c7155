package dev.replication.autoconfigure;

import dev.replication.actuate.ReplicationEndpoint;
import dev.replication.actuate.RoutingCounts;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.routing.ReplicationRouter;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@code replication} actuator endpoint and the routing counts it shows, when the application
 * exposes it.
 */
@AutoConfiguration(after = ReplicationAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ReplicationHealthMonitor.class)
public final class ReplicationEndpointAutoConfiguration {

	/**
	 * Guarded by a condition of the actuator, so it is read only once the actuator is known to be
	 * there.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(ReplicationEndpoint.class)
	static class Exposed {

		@Bean
		@ConditionalOnMissingBean
		RoutingCounts replicationRoutingCounts() {
			return new RoutingCounts();
		}

		@Bean
		@ConditionalOnMissingBean
		ReplicationEndpoint replicationEndpoint(ReplicationHealthMonitor monitor, ReplicationRouter router,
				RoutingCounts routingCounts) {
			return new ReplicationEndpoint(monitor, router, routingCounts);
		}

	}

}
