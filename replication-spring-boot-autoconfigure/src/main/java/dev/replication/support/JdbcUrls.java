package dev.replication.support;

import java.util.regex.Pattern;

/**
 * Makes JDBC URLs, and messages that quote them, safe to log: a password in a URL is masked.
 */
public final class JdbcUrls {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]*");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*:)[^/@\\s]*@");

	private JdbcUrls() {
	}

	/**
	 * Return {@code url} with any password in it masked.
	 */
	public static String mask(String url) {
		return (url != null) ? maskAll(url) : null;
	}

	/**
	 * Return {@code text} with the password of every URL in it masked.
	 */
	public static String maskAll(String text) {
		String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1******");
		return USER_INFO.matcher(masked).replaceAll("$1******@");
	}

}
