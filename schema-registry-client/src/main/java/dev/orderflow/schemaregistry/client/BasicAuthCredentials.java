package dev.orderflow.schemaregistry.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * HTTP Basic credentials for the schema registry, sent as
 * {@code Authorization: Basic ...} on every request. {@link #toString()} masks the
 * password so the credentials can never end up in a log line or an exception message by
 * accident.
 *
 * @param username the user, not blank
 * @param password the password, may be empty
 */
public record BasicAuthCredentials(String username, String password) {

	/**
	 * The scheme and user info of a URL: {@code http://user:pw@} → {@code http://***@}.
	 */
	private static final Pattern URL_USER_INFO = Pattern.compile("^(\\s*[A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

	public BasicAuthCredentials {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("The user of basic auth credentials must not be blank");
		}
		if (password == null) {
			throw new IllegalArgumentException("The password of basic auth credentials must not be null");
		}
	}

	/**
	 * Parses Confluent's {@code user:password} form; the password is everything after the
	 * first colon, so it may contain colons itself.
	 * @throws IllegalArgumentException when there is no colon or no user; the message
	 * never repeats the value
	 */
	public static BasicAuthCredentials parse(String userInfo) {
		int colon = (userInfo != null) ? userInfo.indexOf(':') : -1;
		if (colon <= 0) {
			throw new IllegalArgumentException("Expected user:password");
		}
		return new BasicAuthCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
	}

	/**
	 * The credentials in the user-info part of registry URLs
	 * ({@code http://user:pw@host:8081}), percent-decoded, or {@code null} when no URL
	 * carries any.
	 * @throws IllegalArgumentException when the user info is not {@code user:password} or
	 * when the URLs carry different credentials
	 */
	public static BasicAuthCredentials fromUrls(Collection<URI> urls) {
		Set<String> userInfos = new LinkedHashSet<>();
		for (URI url : urls) {
			if (url.getUserInfo() != null) {
				userInfos.add(url.getUserInfo());
			}
		}
		if (userInfos.size() > 1) {
			throw new IllegalArgumentException("The schema registry URLs carry different credentials; use the same "
					+ "user:password in every URL or basic.auth.credentials.source=USER_INFO");
		}
		return userInfos.isEmpty() ? null : parse(userInfos.iterator().next());
	}

	/**
	 * The URL without its user info, so credentials never travel in a request line or a
	 * log.
	 */
	public static URI withoutUserInfo(URI url) {
		if (url.getRawUserInfo() == null) {
			return url;
		}
		String prefix = url.getScheme() + "://" + url.getRawUserInfo() + "@";
		return URI.create(url.getScheme() + "://" + url.toString().substring(prefix.length()));
	}

	/**
	 * Masks the user info of each URL in a comma-separated list, for error messages.
	 */
	public static String redactUrls(String urls) {
		if (urls == null) {
			return null;
		}
		return Arrays.stream(urls.split(",", -1))
			.map((url) -> URL_USER_INFO.matcher(url).replaceFirst("$1***@"))
			.collect(Collectors.joining(","));
	}

	/** The value of the {@code Authorization} header. */
	public String authorizationHeader() {
		String token = this.username + ":" + this.password;
		return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "BasicAuthCredentials[username=" + this.username + ", password=***]";
	}

}
