package dev.replication.embedded.junit;

import dev.replication.embedded.EmbeddedReplicationCluster;
import dev.replication.embedded.SharedReplicationCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that hands test classes the JVM's
 * {@linkplain SharedReplicationCluster shared cluster}: declare a parameter of type
 * {@link EmbeddedReplicationCluster} on a test, lifecycle method or constructor.
 *
 * <pre class="code">
 * &#64;ExtendWith(EmbeddedReplicationClusterExtension.class)
 * class FeedTests {
 *     &#64;Test
 *     void feedIsReadFromAReplica(EmbeddedReplicationCluster cluster) { ... }
 * }
 * </pre>
 */
public class EmbeddedReplicationClusterExtension implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == EmbeddedReplicationCluster.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return SharedReplicationCluster.get();
	}

}
