package dev.replication.actuate;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.env.Environment;

/**
 * Adds the {@code replication} indicator to Spring Boot's {@code readiness} probe group, unless
 * the application lists the group's members itself ({@code
 * management.endpoint.health.group.readiness.include}): an instance that can reach no node of its
 * database is not ready, while one whose replica died, or that has only replicas to read from, is
 * ({@code UP} and {@code READ_ONLY} keep the group {@code UP}). Liveness is left alone: a database
 * outage is not cured by restarting the application.
 */
public final class ReadinessGroupPostProcessor implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	private final Environment environment;

	private final String member;

	/**
	 * Create a post-processor adding {@code member} to the readiness group unless
	 * {@code environment} says which members it has.
	 */
	public ReadinessGroupPostProcessor(Environment environment, String member) {
		this.environment = environment;
		this.member = member;
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		HealthEndpointGroup readiness = groups.get(READINESS);
		if (readiness == null || includeConfigured()) {
			return groups;
		}
		return new WithReadiness(groups, new WithMember(readiness, this.member));
	}

	/**
	 * Return whether the user says which members the readiness group has, as one value or as a
	 * list ({@code include[0]}, YAML's list form).
	 */
	private boolean includeConfigured() {
		return Binder.get(this.environment)
			.bind("management.endpoint.health.group.readiness.include", Bindable.setOf(String.class))
			.isBound();
	}

	/**
	 * Groups like others with another readiness group; additional paths ({@code /readyz}) as before.
	 */
	private record WithReadiness(HealthEndpointGroups groups, HealthEndpointGroup readiness)
			implements HealthEndpointGroups, AdditionalPathsMapper {

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.groups.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.groups.getNames();
		}

		@Override
		public @Nullable HealthEndpointGroup get(String name) {
			return READINESS.equals(name) ? this.readiness : this.groups.get(name);
		}

		@Override
		public @Nullable List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace namespace) {
			return (this.groups instanceof AdditionalPathsMapper mapper) ? mapper.getAdditionalPaths(endpointId, namespace)
					: null;
		}

	}

	/**
	 * A group like another with one more member.
	 */
	private record WithMember(HealthEndpointGroup group, String member) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return this.member.equals(name) || this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.group.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.group.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}
