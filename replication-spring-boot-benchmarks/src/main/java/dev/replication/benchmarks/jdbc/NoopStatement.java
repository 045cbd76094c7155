package dev.replication.benchmarks.jdbc;

import java.sql.SQLException;

/**
 * A statement of a {@link NoopConnection}: every query returns one row.
 */
@SuppressWarnings({ "rawtypes", "unchecked", "deprecation" })
final class NoopStatement implements java.sql.CallableStatement {

	private final NoopConnection connection;

	private boolean closed;

	NoopStatement(NoopConnection connection) {
		this.connection = connection;
	}

	@Override
	public void addBatch() throws SQLException {
	}

	@Override
	public void addBatch(java.lang.String arg0) throws SQLException {
	}

	@Override
	public void cancel() throws SQLException {
	}

	@Override
	public void clearBatch() throws SQLException {
	}

	@Override
	public void clearParameters() throws SQLException {
	}

	@Override
	public void clearWarnings() throws SQLException {
	}

	@Override
	public void close() throws SQLException {
		this.closed = true;
	}

	@Override
	public void closeOnCompletion() throws SQLException {
	}

	@Override
	public boolean execute() throws SQLException {
		return true;
	}

	@Override
	public boolean execute(java.lang.String arg0, int[] arg1) throws SQLException {
		return true;
	}

	@Override
	public boolean execute(java.lang.String arg0, java.lang.String[] arg1) throws SQLException {
		return true;
	}

	@Override
	public boolean execute(java.lang.String arg0, int arg1) throws SQLException {
		return true;
	}

	@Override
	public boolean execute(java.lang.String arg0) throws SQLException {
		return true;
	}

	@Override
	public int[] executeBatch() throws SQLException {
		return null;
	}

	@Override
	public java.sql.ResultSet executeQuery() throws SQLException {
		return new NoopResultSet(this);
	}

	@Override
	public java.sql.ResultSet executeQuery(java.lang.String arg0) throws SQLException {
		return new NoopResultSet(this);
	}

	@Override
	public int executeUpdate() throws SQLException {
		return 0;
	}

	@Override
	public int executeUpdate(java.lang.String arg0, int[] arg1) throws SQLException {
		return 0;
	}

	@Override
	public int executeUpdate(java.lang.String arg0, java.lang.String[] arg1) throws SQLException {
		return 0;
	}

	@Override
	public int executeUpdate(java.lang.String arg0, int arg1) throws SQLException {
		return 0;
	}

	@Override
	public int executeUpdate(java.lang.String arg0) throws SQLException {
		return 0;
	}

	@Override
	public java.sql.Array getArray(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Array getArray(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.math.BigDecimal getBigDecimal(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.math.BigDecimal getBigDecimal(int arg0, int arg1) throws SQLException {
		return null;
	}

	@Override
	public java.math.BigDecimal getBigDecimal(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Blob getBlob(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Blob getBlob(int arg0) throws SQLException {
		return null;
	}

	@Override
	public boolean getBoolean(java.lang.String arg0) throws SQLException {
		return false;
	}

	@Override
	public boolean getBoolean(int arg0) throws SQLException {
		return false;
	}

	@Override
	public byte getByte(java.lang.String arg0) throws SQLException {
		return 0;
	}

	@Override
	public byte getByte(int arg0) throws SQLException {
		return 0;
	}

	@Override
	public byte[] getBytes(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public byte[] getBytes(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.io.Reader getCharacterStream(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.io.Reader getCharacterStream(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Clob getClob(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Clob getClob(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Connection getConnection() throws SQLException {
		return this.connection;
	}

	@Override
	public java.sql.Date getDate(java.lang.String arg0, java.util.Calendar arg1) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Date getDate(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Date getDate(int arg0, java.util.Calendar arg1) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Date getDate(int arg0) throws SQLException {
		return null;
	}

	@Override
	public double getDouble(java.lang.String arg0) throws SQLException {
		return 0;
	}

	@Override
	public double getDouble(int arg0) throws SQLException {
		return 0;
	}

	@Override
	public int getFetchDirection() throws SQLException {
		return 0;
	}

	@Override
	public int getFetchSize() throws SQLException {
		return 0;
	}

	@Override
	public float getFloat(java.lang.String arg0) throws SQLException {
		return 0;
	}

	@Override
	public float getFloat(int arg0) throws SQLException {
		return 0;
	}

	@Override
	public java.sql.ResultSet getGeneratedKeys() throws SQLException {
		return null;
	}

	@Override
	public int getInt(java.lang.String arg0) throws SQLException {
		return 0;
	}

	@Override
	public int getInt(int arg0) throws SQLException {
		return 0;
	}

	@Override
	public long getLong(java.lang.String arg0) throws SQLException {
		return 0;
	}

	@Override
	public long getLong(int arg0) throws SQLException {
		return 0;
	}

	@Override
	public int getMaxFieldSize() throws SQLException {
		return 0;
	}

	@Override
	public int getMaxRows() throws SQLException {
		return 0;
	}

	@Override
	public java.sql.ResultSetMetaData getMetaData() throws SQLException {
		return null;
	}

	@Override
	public boolean getMoreResults() throws SQLException {
		return false;
	}

	@Override
	public boolean getMoreResults(int arg0) throws SQLException {
		return false;
	}

	@Override
	public java.io.Reader getNCharacterStream(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.io.Reader getNCharacterStream(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.NClob getNClob(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.NClob getNClob(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.lang.String getNString(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.lang.String getNString(int arg0) throws SQLException {
		return null;
	}

	@Override
	public <T> T getObject(java.lang.String arg0, java.lang.Class<T> arg1) throws SQLException {
		return null;
	}

	@Override
	public java.lang.Object getObject(java.lang.String arg0, java.util.Map arg1) throws SQLException {
		return null;
	}

	@Override
	public java.lang.Object getObject(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public <T> T getObject(int arg0, java.lang.Class<T> arg1) throws SQLException {
		return null;
	}

	@Override
	public java.lang.Object getObject(int arg0, java.util.Map arg1) throws SQLException {
		return null;
	}

	@Override
	public java.lang.Object getObject(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.ParameterMetaData getParameterMetaData() throws SQLException {
		return null;
	}

	@Override
	public int getQueryTimeout() throws SQLException {
		return 0;
	}

	@Override
	public java.sql.Ref getRef(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Ref getRef(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.ResultSet getResultSet() throws SQLException {
		return new NoopResultSet(this);
	}

	@Override
	public int getResultSetConcurrency() throws SQLException {
		return 0;
	}

	@Override
	public int getResultSetHoldability() throws SQLException {
		return 0;
	}

	@Override
	public int getResultSetType() throws SQLException {
		return 0;
	}

	@Override
	public java.sql.RowId getRowId(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.RowId getRowId(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.SQLXML getSQLXML(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.SQLXML getSQLXML(int arg0) throws SQLException {
		return null;
	}

	@Override
	public short getShort(java.lang.String arg0) throws SQLException {
		return 0;
	}

	@Override
	public short getShort(int arg0) throws SQLException {
		return 0;
	}

	@Override
	public java.lang.String getString(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.lang.String getString(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Time getTime(java.lang.String arg0, java.util.Calendar arg1) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Time getTime(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Time getTime(int arg0, java.util.Calendar arg1) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Time getTime(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Timestamp getTimestamp(java.lang.String arg0, java.util.Calendar arg1) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Timestamp getTimestamp(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Timestamp getTimestamp(int arg0, java.util.Calendar arg1) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Timestamp getTimestamp(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.net.URL getURL(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.net.URL getURL(int arg0) throws SQLException {
		return null;
	}

	@Override
	public int getUpdateCount() throws SQLException {
		return 0;
	}

	@Override
	public java.sql.SQLWarning getWarnings() throws SQLException {
		return null;
	}

	@Override
	public boolean isCloseOnCompletion() throws SQLException {
		return false;
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.closed;
	}

	@Override
	public boolean isPoolable() throws SQLException {
		return false;
	}

	@Override
	public boolean isWrapperFor(java.lang.Class arg0) throws SQLException {
		return false;
	}

	@Override
	public void registerOutParameter(java.lang.String arg0, int arg1, java.lang.String arg2) throws SQLException {
	}

	@Override
	public void registerOutParameter(java.lang.String arg0, int arg1, int arg2) throws SQLException {
	}

	@Override
	public void registerOutParameter(java.lang.String arg0, int arg1) throws SQLException {
	}

	@Override
	public void registerOutParameter(int arg0, int arg1, java.lang.String arg2) throws SQLException {
	}

	@Override
	public void registerOutParameter(int arg0, int arg1, int arg2) throws SQLException {
	}

	@Override
	public void registerOutParameter(int arg0, int arg1) throws SQLException {
	}

	@Override
	public void setArray(int arg0, java.sql.Array arg1) throws SQLException {
	}

	@Override
	public void setAsciiStream(java.lang.String arg0, java.io.InputStream arg1, int arg2) throws SQLException {
	}

	@Override
	public void setAsciiStream(java.lang.String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void setAsciiStream(java.lang.String arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void setAsciiStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
	}

	@Override
	public void setAsciiStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void setAsciiStream(int arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void setBigDecimal(java.lang.String arg0, java.math.BigDecimal arg1) throws SQLException {
	}

	@Override
	public void setBigDecimal(int arg0, java.math.BigDecimal arg1) throws SQLException {
	}

	@Override
	public void setBinaryStream(java.lang.String arg0, java.io.InputStream arg1, int arg2) throws SQLException {
	}

	@Override
	public void setBinaryStream(java.lang.String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void setBinaryStream(java.lang.String arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void setBinaryStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
	}

	@Override
	public void setBinaryStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void setBinaryStream(int arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void setBlob(java.lang.String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void setBlob(java.lang.String arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void setBlob(java.lang.String arg0, java.sql.Blob arg1) throws SQLException {
	}

	@Override
	public void setBlob(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void setBlob(int arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void setBlob(int arg0, java.sql.Blob arg1) throws SQLException {
	}

	@Override
	public void setBoolean(java.lang.String arg0, boolean arg1) throws SQLException {
	}

	@Override
	public void setBoolean(int arg0, boolean arg1) throws SQLException {
	}

	@Override
	public void setByte(java.lang.String arg0, byte arg1) throws SQLException {
	}

	@Override
	public void setByte(int arg0, byte arg1) throws SQLException {
	}

	@Override
	public void setBytes(java.lang.String arg0, byte[] arg1) throws SQLException {
	}

	@Override
	public void setBytes(int arg0, byte[] arg1) throws SQLException {
	}

	@Override
	public void setCharacterStream(java.lang.String arg0, java.io.Reader arg1, int arg2) throws SQLException {
	}

	@Override
	public void setCharacterStream(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void setCharacterStream(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void setCharacterStream(int arg0, java.io.Reader arg1, int arg2) throws SQLException {
	}

	@Override
	public void setCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void setCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void setClob(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void setClob(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void setClob(java.lang.String arg0, java.sql.Clob arg1) throws SQLException {
	}

	@Override
	public void setClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void setClob(int arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void setClob(int arg0, java.sql.Clob arg1) throws SQLException {
	}

	@Override
	public void setCursorName(java.lang.String arg0) throws SQLException {
	}

	@Override
	public void setDate(java.lang.String arg0, java.sql.Date arg1, java.util.Calendar arg2) throws SQLException {
	}

	@Override
	public void setDate(java.lang.String arg0, java.sql.Date arg1) throws SQLException {
	}

	@Override
	public void setDate(int arg0, java.sql.Date arg1, java.util.Calendar arg2) throws SQLException {
	}

	@Override
	public void setDate(int arg0, java.sql.Date arg1) throws SQLException {
	}

	@Override
	public void setDouble(java.lang.String arg0, double arg1) throws SQLException {
	}

	@Override
	public void setDouble(int arg0, double arg1) throws SQLException {
	}

	@Override
	public void setEscapeProcessing(boolean arg0) throws SQLException {
	}

	@Override
	public void setFetchDirection(int arg0) throws SQLException {
	}

	@Override
	public void setFetchSize(int arg0) throws SQLException {
	}

	@Override
	public void setFloat(java.lang.String arg0, float arg1) throws SQLException {
	}

	@Override
	public void setFloat(int arg0, float arg1) throws SQLException {
	}

	@Override
	public void setInt(java.lang.String arg0, int arg1) throws SQLException {
	}

	@Override
	public void setInt(int arg0, int arg1) throws SQLException {
	}

	@Override
	public void setLong(java.lang.String arg0, long arg1) throws SQLException {
	}

	@Override
	public void setLong(int arg0, long arg1) throws SQLException {
	}

	@Override
	public void setMaxFieldSize(int arg0) throws SQLException {
	}

	@Override
	public void setMaxRows(int arg0) throws SQLException {
	}

	@Override
	public void setNCharacterStream(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void setNCharacterStream(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void setNCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void setNCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void setNClob(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void setNClob(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void setNClob(java.lang.String arg0, java.sql.NClob arg1) throws SQLException {
	}

	@Override
	public void setNClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void setNClob(int arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void setNClob(int arg0, java.sql.NClob arg1) throws SQLException {
	}

	@Override
	public void setNString(java.lang.String arg0, java.lang.String arg1) throws SQLException {
	}

	@Override
	public void setNString(int arg0, java.lang.String arg1) throws SQLException {
	}

	@Override
	public void setNull(java.lang.String arg0, int arg1, java.lang.String arg2) throws SQLException {
	}

	@Override
	public void setNull(java.lang.String arg0, int arg1) throws SQLException {
	}

	@Override
	public void setNull(int arg0, int arg1, java.lang.String arg2) throws SQLException {
	}

	@Override
	public void setNull(int arg0, int arg1) throws SQLException {
	}

	@Override
	public void setObject(java.lang.String arg0, java.lang.Object arg1, int arg2, int arg3) throws SQLException {
	}

	@Override
	public void setObject(java.lang.String arg0, java.lang.Object arg1, int arg2) throws SQLException {
	}

	@Override
	public void setObject(java.lang.String arg0, java.lang.Object arg1) throws SQLException {
	}

	@Override
	public void setObject(int arg0, java.lang.Object arg1, int arg2, int arg3) throws SQLException {
	}

	@Override
	public void setObject(int arg0, java.lang.Object arg1, int arg2) throws SQLException {
	}

	@Override
	public void setObject(int arg0, java.lang.Object arg1) throws SQLException {
	}

	@Override
	public void setPoolable(boolean arg0) throws SQLException {
	}

	@Override
	public void setQueryTimeout(int arg0) throws SQLException {
	}

	@Override
	public void setRef(int arg0, java.sql.Ref arg1) throws SQLException {
	}

	@Override
	public void setRowId(java.lang.String arg0, java.sql.RowId arg1) throws SQLException {
	}

	@Override
	public void setRowId(int arg0, java.sql.RowId arg1) throws SQLException {
	}

	@Override
	public void setSQLXML(java.lang.String arg0, java.sql.SQLXML arg1) throws SQLException {
	}

	@Override
	public void setSQLXML(int arg0, java.sql.SQLXML arg1) throws SQLException {
	}

	@Override
	public void setShort(java.lang.String arg0, short arg1) throws SQLException {
	}

	@Override
	public void setShort(int arg0, short arg1) throws SQLException {
	}

	@Override
	public void setString(java.lang.String arg0, java.lang.String arg1) throws SQLException {
	}

	@Override
	public void setString(int arg0, java.lang.String arg1) throws SQLException {
	}

	@Override
	public void setTime(java.lang.String arg0, java.sql.Time arg1, java.util.Calendar arg2) throws SQLException {
	}

	@Override
	public void setTime(java.lang.String arg0, java.sql.Time arg1) throws SQLException {
	}

	@Override
	public void setTime(int arg0, java.sql.Time arg1, java.util.Calendar arg2) throws SQLException {
	}

	@Override
	public void setTime(int arg0, java.sql.Time arg1) throws SQLException {
	}

	@Override
	public void setTimestamp(java.lang.String arg0, java.sql.Timestamp arg1, java.util.Calendar arg2) throws SQLException {
	}

	@Override
	public void setTimestamp(java.lang.String arg0, java.sql.Timestamp arg1) throws SQLException {
	}

	@Override
	public void setTimestamp(int arg0, java.sql.Timestamp arg1, java.util.Calendar arg2) throws SQLException {
	}

	@Override
	public void setTimestamp(int arg0, java.sql.Timestamp arg1) throws SQLException {
	}

	@Override
	public void setURL(java.lang.String arg0, java.net.URL arg1) throws SQLException {
	}

	@Override
	public void setURL(int arg0, java.net.URL arg1) throws SQLException {
	}

	@Override
	public void setUnicodeStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
	}

	@Override
	public <T> T unwrap(java.lang.Class<T> arg0) throws SQLException {
		throw new SQLException("Not a wrapper");
	}

	@Override
	public boolean wasNull() throws SQLException {
		return false;
	}

}
