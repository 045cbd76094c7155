package dev.replication.autoconfigure;

import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.routing.ReplicationRoutingDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.HikariDataSourcePoolMetadata;

/**
 * Pool metadata of the {@link ReplicationDataSource} for Spring Boot ({@code jdbc.connections.*}
 * metrics, the validation query of its health checks): that of the pool serving the primary when
 * asked. Boot's own provider would unwrap the primary's pool once and keep it, and Boot caches
 * what a provider returns: after a failover or a pool replacement it would describe a pool that
 * no longer serves anything.
 */
final class ReplicationPoolMetadataProvider implements DataSourcePoolMetadataProvider {

	@Override
	public @Nullable DataSourcePoolMetadata getDataSourcePoolMetadata(DataSource dataSource) {
		return (dataSource instanceof ReplicationDataSource replication)
				? new CurrentPrimaryPool(replication.getRoutingDataSource()) : null;
	}

	/**
	 * Metadata of whichever pool serves the primary at each call.
	 */
	private record CurrentPrimaryPool(ReplicationRoutingDataSource routing) implements DataSourcePoolMetadata {

		private <T> @Nullable T current(Function<DataSourcePoolMetadata, @Nullable T> value) {
			String primary = this.routing.getRouter().primary();
			DataSource pool = (primary != null) ? this.routing.getNode(primary) : this.routing.getPrimaryDataSource();
			return (pool instanceof HikariDataSource hikari) ? value.apply(new HikariDataSourcePoolMetadata(hikari))
					: null;
		}

		@Override
		public @Nullable Float getUsage() {
			return current(DataSourcePoolMetadata::getUsage);
		}

		@Override
		public @Nullable Integer getActive() {
			return current(DataSourcePoolMetadata::getActive);
		}

		@Override
		public @Nullable Integer getIdle() {
			return current(DataSourcePoolMetadata::getIdle);
		}

		@Override
		public @Nullable Integer getMax() {
			return current(DataSourcePoolMetadata::getMax);
		}

		@Override
		public @Nullable Integer getMin() {
			return current(DataSourcePoolMetadata::getMin);
		}

		@Override
		public @Nullable String getValidationQuery() {
			return current(DataSourcePoolMetadata::getValidationQuery);
		}

		@Override
		public @Nullable Boolean getDefaultAutoCommit() {
			return current(DataSourcePoolMetadata::getDefaultAutoCommit);
		}

	}

}
