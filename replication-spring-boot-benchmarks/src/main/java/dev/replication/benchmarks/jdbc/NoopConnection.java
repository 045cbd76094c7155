package dev.replication.benchmarks.jdbc;

import java.sql.SQLException;

/**
 * A {@link java.sql.Connection} that does nothing and costs nothing, so that a benchmark over a
 * pool of them measures only the code between the caller and the driver.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
public final class NoopConnection implements java.sql.Connection {

	private boolean autoCommit = true;

	private boolean readOnly;

	private boolean closed;

	@Override
	public void abort(java.util.concurrent.Executor arg0) throws SQLException {
	}

	@Override
	public void clearWarnings() throws SQLException {
	}

	@Override
	public void close() throws SQLException {
		this.closed = true;
	}

	@Override
	public void commit() throws SQLException {
	}

	@Override
	public java.sql.Array createArrayOf(java.lang.String arg0, java.lang.Object[] arg1) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Blob createBlob() throws SQLException {
		return null;
	}

	@Override
	public java.sql.Clob createClob() throws SQLException {
		return null;
	}

	@Override
	public java.sql.NClob createNClob() throws SQLException {
		return null;
	}

	@Override
	public java.sql.SQLXML createSQLXML() throws SQLException {
		return null;
	}

	@Override
	public java.sql.Statement createStatement() throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.Statement createStatement(int arg0, int arg1, int arg2) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.Statement createStatement(int arg0, int arg1) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.Struct createStruct(java.lang.String arg0, java.lang.Object[] arg1) throws SQLException {
		return null;
	}

	@Override
	public boolean getAutoCommit() throws SQLException {
		return this.autoCommit;
	}

	@Override
	public java.lang.String getCatalog() throws SQLException {
		return null;
	}

	@Override
	public java.util.Properties getClientInfo() throws SQLException {
		return null;
	}

	@Override
	public java.lang.String getClientInfo(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public int getHoldability() throws SQLException {
		return 0;
	}

	@Override
	public java.sql.DatabaseMetaData getMetaData() throws SQLException {
		return null;
	}

	@Override
	public int getNetworkTimeout() throws SQLException {
		return 0;
	}

	@Override
	public java.lang.String getSchema() throws SQLException {
		return null;
	}

	@Override
	public int getTransactionIsolation() throws SQLException {
		return TRANSACTION_READ_COMMITTED;
	}

	@Override
	public java.util.Map getTypeMap() throws SQLException {
		return null;
	}

	@Override
	public java.sql.SQLWarning getWarnings() throws SQLException {
		return null;
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.closed;
	}

	@Override
	public boolean isReadOnly() throws SQLException {
		return this.readOnly;
	}

	@Override
	public boolean isValid(int arg0) throws SQLException {
		return !this.closed;
	}

	@Override
	public boolean isWrapperFor(java.lang.Class arg0) throws SQLException {
		return false;
	}

	@Override
	public java.lang.String nativeSQL(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.CallableStatement prepareCall(java.lang.String arg0, int arg1, int arg2, int arg3) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.CallableStatement prepareCall(java.lang.String arg0, int arg1, int arg2) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.CallableStatement prepareCall(java.lang.String arg0) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, int[] arg1) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, java.lang.String[] arg1) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, int arg1, int arg2, int arg3) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, int arg1, int arg2) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.PreparedStatement prepareStatement(java.lang.String arg0, int arg1) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public java.sql.PreparedStatement prepareStatement(java.lang.String arg0) throws SQLException {
		return new NoopStatement(this);
	}

	@Override
	public void releaseSavepoint(java.sql.Savepoint arg0) throws SQLException {
	}

	@Override
	public void rollback() throws SQLException {
	}

	@Override
	public void rollback(java.sql.Savepoint arg0) throws SQLException {
	}

	@Override
	public void setAutoCommit(boolean arg0) throws SQLException {
		this.autoCommit = arg0;
	}

	@Override
	public void setCatalog(java.lang.String arg0) throws SQLException {
	}

	@Override
	public void setClientInfo(java.lang.String arg0, java.lang.String arg1) {
	}

	@Override
	public void setClientInfo(java.util.Properties arg0) {
	}

	@Override
	public void setHoldability(int arg0) throws SQLException {
	}

	@Override
	public void setNetworkTimeout(java.util.concurrent.Executor arg0, int arg1) throws SQLException {
	}

	@Override
	public void setReadOnly(boolean arg0) throws SQLException {
		this.readOnly = arg0;
	}

	@Override
	public java.sql.Savepoint setSavepoint() throws SQLException {
		return null;
	}

	@Override
	public java.sql.Savepoint setSavepoint(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public void setSchema(java.lang.String arg0) throws SQLException {
	}

	@Override
	public void setTransactionIsolation(int arg0) throws SQLException {
	}

	@Override
	public void setTypeMap(java.util.Map arg0) throws SQLException {
	}

	@Override
	public <T> T unwrap(java.lang.Class<T> arg0) throws SQLException {
		throw new SQLException("Not a wrapper");
	}

}
