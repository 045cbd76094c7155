package dev.replication.autoconfigure;

import java.util.regex.Pattern;

/**
 * Makes JDBC URLs safe to log: a password in the URL is masked.
 */
final class JdbcUrls {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

	private JdbcUrls() {
	}

	static String mask(String url) {
		if (url == null) {
			return null;
		}
		String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1******");
		return USER_INFO.matcher(masked).replaceAll("$1******@");
	}

}
