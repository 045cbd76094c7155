package dev.replication.benchmarks.jdbc;

import java.sql.SQLException;

/**
 * The result of every query on a {@link NoopConnection}: one row, whose columns read as 1 or as
 * a WAL position.
 */
@SuppressWarnings({ "rawtypes", "unchecked", "deprecation" })
final class NoopResultSet implements java.sql.ResultSet {

	private final NoopStatement statement;

	private int rows = 1;

	private boolean closed;

	NoopResultSet(NoopStatement statement) {
		this.statement = statement;
	}

	@Override
	public boolean absolute(int arg0) throws SQLException {
		return false;
	}

	@Override
	public void afterLast() throws SQLException {
	}

	@Override
	public void beforeFirst() throws SQLException {
	}

	@Override
	public void cancelRowUpdates() throws SQLException {
	}

	@Override
	public void clearWarnings() throws SQLException {
	}

	@Override
	public void close() throws SQLException {
		this.closed = true;
	}

	@Override
	public void deleteRow() throws SQLException {
	}

	@Override
	public int findColumn(java.lang.String arg0) throws SQLException {
		return 0;
	}

	@Override
	public boolean first() throws SQLException {
		return false;
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
	public java.io.InputStream getAsciiStream(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.io.InputStream getAsciiStream(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.math.BigDecimal getBigDecimal(java.lang.String arg0, int arg1) throws SQLException {
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
	public java.io.InputStream getBinaryStream(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.io.InputStream getBinaryStream(int arg0) throws SQLException {
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
	public int getConcurrency() throws SQLException {
		return 0;
	}

	@Override
	public java.lang.String getCursorName() throws SQLException {
		return null;
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
	public int getHoldability() throws SQLException {
		return 0;
	}

	@Override
	public int getInt(java.lang.String arg0) throws SQLException {
		return 1;
	}

	@Override
	public int getInt(int arg0) throws SQLException {
		return 1;
	}

	@Override
	public long getLong(java.lang.String arg0) throws SQLException {
		return 1;
	}

	@Override
	public long getLong(int arg0) throws SQLException {
		return 1;
	}

	@Override
	public java.sql.ResultSetMetaData getMetaData() throws SQLException {
		return null;
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
	public java.sql.Ref getRef(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.Ref getRef(int arg0) throws SQLException {
		return null;
	}

	@Override
	public int getRow() throws SQLException {
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
	public java.sql.Statement getStatement() throws SQLException {
		return this.statement;
	}

	@Override
	public java.lang.String getString(java.lang.String arg0) throws SQLException {
		return "0/16B3748";
	}

	@Override
	public java.lang.String getString(int arg0) throws SQLException {
		return "0/16B3748";
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
	public int getType() throws SQLException {
		return 0;
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
	public java.io.InputStream getUnicodeStream(java.lang.String arg0) throws SQLException {
		return null;
	}

	@Override
	public java.io.InputStream getUnicodeStream(int arg0) throws SQLException {
		return null;
	}

	@Override
	public java.sql.SQLWarning getWarnings() throws SQLException {
		return null;
	}

	@Override
	public void insertRow() throws SQLException {
	}

	@Override
	public boolean isAfterLast() throws SQLException {
		return false;
	}

	@Override
	public boolean isBeforeFirst() throws SQLException {
		return false;
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.closed;
	}

	@Override
	public boolean isFirst() throws SQLException {
		return false;
	}

	@Override
	public boolean isLast() throws SQLException {
		return false;
	}

	@Override
	public boolean isWrapperFor(java.lang.Class arg0) throws SQLException {
		return false;
	}

	@Override
	public boolean last() throws SQLException {
		return false;
	}

	@Override
	public void moveToCurrentRow() throws SQLException {
	}

	@Override
	public void moveToInsertRow() throws SQLException {
	}

	@Override
	public boolean next() throws SQLException {
		return this.rows-- > 0;
	}

	@Override
	public boolean previous() throws SQLException {
		return false;
	}

	@Override
	public void refreshRow() throws SQLException {
	}

	@Override
	public boolean relative(int arg0) throws SQLException {
		return false;
	}

	@Override
	public boolean rowDeleted() throws SQLException {
		return false;
	}

	@Override
	public boolean rowInserted() throws SQLException {
		return false;
	}

	@Override
	public boolean rowUpdated() throws SQLException {
		return false;
	}

	@Override
	public void setFetchDirection(int arg0) throws SQLException {
	}

	@Override
	public void setFetchSize(int arg0) throws SQLException {
	}

	@Override
	public <T> T unwrap(java.lang.Class<T> arg0) throws SQLException {
		throw new SQLException("Not a wrapper");
	}

	@Override
	public void updateArray(java.lang.String arg0, java.sql.Array arg1) throws SQLException {
	}

	@Override
	public void updateArray(int arg0, java.sql.Array arg1) throws SQLException {
	}

	@Override
	public void updateAsciiStream(java.lang.String arg0, java.io.InputStream arg1, int arg2) throws SQLException {
	}

	@Override
	public void updateAsciiStream(java.lang.String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateAsciiStream(java.lang.String arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void updateAsciiStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
	}

	@Override
	public void updateAsciiStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateAsciiStream(int arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void updateBigDecimal(java.lang.String arg0, java.math.BigDecimal arg1) throws SQLException {
	}

	@Override
	public void updateBigDecimal(int arg0, java.math.BigDecimal arg1) throws SQLException {
	}

	@Override
	public void updateBinaryStream(java.lang.String arg0, java.io.InputStream arg1, int arg2) throws SQLException {
	}

	@Override
	public void updateBinaryStream(java.lang.String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateBinaryStream(java.lang.String arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void updateBinaryStream(int arg0, java.io.InputStream arg1, int arg2) throws SQLException {
	}

	@Override
	public void updateBinaryStream(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateBinaryStream(int arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void updateBlob(java.lang.String arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateBlob(java.lang.String arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void updateBlob(java.lang.String arg0, java.sql.Blob arg1) throws SQLException {
	}

	@Override
	public void updateBlob(int arg0, java.io.InputStream arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateBlob(int arg0, java.io.InputStream arg1) throws SQLException {
	}

	@Override
	public void updateBlob(int arg0, java.sql.Blob arg1) throws SQLException {
	}

	@Override
	public void updateBoolean(java.lang.String arg0, boolean arg1) throws SQLException {
	}

	@Override
	public void updateBoolean(int arg0, boolean arg1) throws SQLException {
	}

	@Override
	public void updateByte(java.lang.String arg0, byte arg1) throws SQLException {
	}

	@Override
	public void updateByte(int arg0, byte arg1) throws SQLException {
	}

	@Override
	public void updateBytes(java.lang.String arg0, byte[] arg1) throws SQLException {
	}

	@Override
	public void updateBytes(int arg0, byte[] arg1) throws SQLException {
	}

	@Override
	public void updateCharacterStream(java.lang.String arg0, java.io.Reader arg1, int arg2) throws SQLException {
	}

	@Override
	public void updateCharacterStream(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateCharacterStream(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void updateCharacterStream(int arg0, java.io.Reader arg1, int arg2) throws SQLException {
	}

	@Override
	public void updateCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void updateClob(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateClob(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void updateClob(java.lang.String arg0, java.sql.Clob arg1) throws SQLException {
	}

	@Override
	public void updateClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateClob(int arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void updateClob(int arg0, java.sql.Clob arg1) throws SQLException {
	}

	@Override
	public void updateDate(java.lang.String arg0, java.sql.Date arg1) throws SQLException {
	}

	@Override
	public void updateDate(int arg0, java.sql.Date arg1) throws SQLException {
	}

	@Override
	public void updateDouble(java.lang.String arg0, double arg1) throws SQLException {
	}

	@Override
	public void updateDouble(int arg0, double arg1) throws SQLException {
	}

	@Override
	public void updateFloat(java.lang.String arg0, float arg1) throws SQLException {
	}

	@Override
	public void updateFloat(int arg0, float arg1) throws SQLException {
	}

	@Override
	public void updateInt(java.lang.String arg0, int arg1) throws SQLException {
	}

	@Override
	public void updateInt(int arg0, int arg1) throws SQLException {
	}

	@Override
	public void updateLong(java.lang.String arg0, long arg1) throws SQLException {
	}

	@Override
	public void updateLong(int arg0, long arg1) throws SQLException {
	}

	@Override
	public void updateNCharacterStream(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateNCharacterStream(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void updateNCharacterStream(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateNCharacterStream(int arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void updateNClob(java.lang.String arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateNClob(java.lang.String arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void updateNClob(java.lang.String arg0, java.sql.NClob arg1) throws SQLException {
	}

	@Override
	public void updateNClob(int arg0, java.io.Reader arg1, long arg2) throws SQLException {
	}

	@Override
	public void updateNClob(int arg0, java.io.Reader arg1) throws SQLException {
	}

	@Override
	public void updateNClob(int arg0, java.sql.NClob arg1) throws SQLException {
	}

	@Override
	public void updateNString(java.lang.String arg0, java.lang.String arg1) throws SQLException {
	}

	@Override
	public void updateNString(int arg0, java.lang.String arg1) throws SQLException {
	}

	@Override
	public void updateNull(java.lang.String arg0) throws SQLException {
	}

	@Override
	public void updateNull(int arg0) throws SQLException {
	}

	@Override
	public void updateObject(java.lang.String arg0, java.lang.Object arg1, int arg2) throws SQLException {
	}

	@Override
	public void updateObject(java.lang.String arg0, java.lang.Object arg1) throws SQLException {
	}

	@Override
	public void updateObject(int arg0, java.lang.Object arg1, int arg2) throws SQLException {
	}

	@Override
	public void updateObject(int arg0, java.lang.Object arg1) throws SQLException {
	}

	@Override
	public void updateRef(java.lang.String arg0, java.sql.Ref arg1) throws SQLException {
	}

	@Override
	public void updateRef(int arg0, java.sql.Ref arg1) throws SQLException {
	}

	@Override
	public void updateRow() throws SQLException {
	}

	@Override
	public void updateRowId(java.lang.String arg0, java.sql.RowId arg1) throws SQLException {
	}

	@Override
	public void updateRowId(int arg0, java.sql.RowId arg1) throws SQLException {
	}

	@Override
	public void updateSQLXML(java.lang.String arg0, java.sql.SQLXML arg1) throws SQLException {
	}

	@Override
	public void updateSQLXML(int arg0, java.sql.SQLXML arg1) throws SQLException {
	}

	@Override
	public void updateShort(java.lang.String arg0, short arg1) throws SQLException {
	}

	@Override
	public void updateShort(int arg0, short arg1) throws SQLException {
	}

	@Override
	public void updateString(java.lang.String arg0, java.lang.String arg1) throws SQLException {
	}

	@Override
	public void updateString(int arg0, java.lang.String arg1) throws SQLException {
	}

	@Override
	public void updateTime(java.lang.String arg0, java.sql.Time arg1) throws SQLException {
	}

	@Override
	public void updateTime(int arg0, java.sql.Time arg1) throws SQLException {
	}

	@Override
	public void updateTimestamp(java.lang.String arg0, java.sql.Timestamp arg1) throws SQLException {
	}

	@Override
	public void updateTimestamp(int arg0, java.sql.Timestamp arg1) throws SQLException {
	}

	@Override
	public boolean wasNull() throws SQLException {
		return false;
	}

}
