package dev.replication.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.replication.annotation.ReadOnly;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service every benchmark calls: one statement per call, on the connection Spring binds to
 * the transaction (or a fresh one outside a transaction), as {@code JdbcTemplate} would take it,
 * but without its extra work, which is the same for every setup.
 */
public class QueryService {

	static final String READ = "SELECT 1";

	static final String WRITE = "UPDATE bench_counter SET n = n + 1 WHERE id = 1";

	private final DataSource dataSource;

	public QueryService(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Run one query in a read-only transaction.
	 */
	@Transactional(readOnly = true)
	public long readInReadOnlyTransaction() {
		return query();
	}

	/**
	 * Run one update in a read-write transaction.
	 */
	@Transactional
	public long writeInTransaction() {
		return update();
	}

	/**
	 * Run one query outside a transaction, on a replica where {@code @ReadOnly} is applied.
	 */
	@ReadOnly
	public long readOutsideTransaction() {
		return query();
	}

	/**
	 * Run three queries on one connection outside a transaction, on a replica where
	 * {@code @ReadOnly} is applied.
	 */
	@ReadOnly
	public long readThreeOutsideTransaction() {
		return query(3);
	}

	private long query() {
		return query(1);
	}

	private long query(int times) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			long sum = 0;
			for (int i = 0; i < times; i++) {
				try (PreparedStatement statement = connection.prepareStatement(READ);
						ResultSet result = statement.executeQuery()) {
					sum += result.next() ? result.getLong(1) : 0;
				}
			}
			return sum;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private long update() {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PreparedStatement statement = connection.prepareStatement(WRITE)) {
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
