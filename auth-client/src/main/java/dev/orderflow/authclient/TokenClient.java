package dev.orderflow.authclient;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a demo user in at the authorization server and returns an access token, walking
 * the same steps as a browser: {@code /oauth2/authorize} with a PKCE challenge, the login
 * form (with its CSRF token), the redirect carrying the code, and the code exchange at
 * {@code /oauth2/token} with the verifier. No shortcut exists on the server for it, so
 * what works here works for a user.
 *
 * <pre>
 * String token = TokenClient.local().accessToken(DemoUser.customer("c-1"));
 * </pre>
 */
public final class TokenClient {

	/** The CLI's public client; the console has its own. */
	public static final String CLI_CLIENT = "orderflow-cli";

	/**
	 * Where the CLI's client is redirected with its code; never opened, only read from
	 * the redirect.
	 */
	public static final String CLI_REDIRECT_URI = "http://127.0.0.1/orderflow-cli/callback";

	/** Tokens of this client expire after one second (registered on test stacks only). */
	public static final String SHORT_LIVED_CLIENT = "orderflow-test-short-lived";

	/** Tokens of this client are for another API (registered on test stacks only). */
	public static final String OTHER_AUDIENCE_CLIENT = "orderflow-test-other-audience";

	/** Environment variable naming the authorization server, as the services read it. */
	public static final String ISSUER_VARIABLE = "ORDERFLOW_ISSUER_URI";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final URI issuer;

	private final String clientId;

	public TokenClient(URI issuer, String clientId) {
		this.issuer = URI.create(issuer.toString().replaceAll("/+$", ""));
		this.clientId = clientId;
	}

	/**
	 * The CLI's client at {@code $ORDERFLOW_ISSUER_URI}, else the local stack's
	 * http://127.0.0.1:9000.
	 */
	public static TokenClient local() {
		String issuer = System.getenv(ISSUER_VARIABLE);
		return new TokenClient(URI.create((issuer == null || issuer.isBlank()) ? "http://127.0.0.1:9000" : issuer),
				CLI_CLIENT);
	}

	/** The CLI's client at the authorization server on this port of 127.0.0.1. */
	public static TokenClient onPort(int port) {
		return new TokenClient(URI.create("http://127.0.0.1:" + port), CLI_CLIENT);
	}

	/**
	 * Another client of the same server (the role-matrix test's short-lived and
	 * other-audience ones).
	 */
	public TokenClient withClient(String otherClientId) {
		return new TokenClient(this.issuer, otherClientId);
	}

	public URI issuer() {
		return this.issuer;
	}

	/**
	 * Signs the user in and exchanges the code for an access token.
	 * @throws SignInException if the server is unreachable, refuses the password or the
	 * exchange
	 */
	public String accessToken(DemoUser user) {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String verifier = randomUrlSafe(32);
		String state = randomUrlSafe(16);
		Map<String, String> authorize = new LinkedHashMap<>();
		authorize.put("response_type", "code");
		authorize.put("client_id", this.clientId);
		authorize.put("redirect_uri", CLI_REDIRECT_URI);
		authorize.put("scope", "orders");
		authorize.put("state", state);
		authorize.put("code_challenge", challenge(verifier));
		authorize.put("code_challenge_method", "S256");
		URI authorizeUri = this.issuer.resolve("/oauth2/authorize?" + form(authorize));

		HttpResponse<String> toLogin = send(http, HttpRequest.newBuilder(authorizeUri).GET());
		URI loginPage = redirect(toLogin, authorizeUri, "the authorization endpoint");
		HttpResponse<String> form = send(http, HttpRequest.newBuilder(loginPage).GET());
		Matcher csrf = CSRF.matcher(form.body());
		if (form.statusCode() != 200 || !csrf.find()) {
			throw new SignInException("No login form at " + loginPage + " (HTTP " + form.statusCode() + ")");
		}
		HttpResponse<String> signedIn = send(http, post(loginPage,
				Map.of("username", user.username(), "password", user.password(), "_csrf", csrf.group(1))));
		URI back = redirect(signedIn, loginPage, "the login form");
		if (back.getPath().endsWith("/login") && back.getQuery() != null && back.getQuery().contains("error")) {
			throw new SignInException("The authorization server at " + this.issuer + " refused the password of "
					+ user.username() + " (set " + DemoUser.CUSTOMER_PASSWORD + " / " + DemoUser.OPERATOR_PASSWORD
					+ " to the passwords it was started with)");
		}
		HttpResponse<String> withCode = send(http, HttpRequest.newBuilder(back).GET());
		URI callback = redirect(withCode, back, "the authorization endpoint after sign-in");
		Map<String, String> parameters = query(callback);
		if (!state.equals(parameters.get("state")) || !parameters.containsKey("code")) {
			throw new SignInException("The authorization server answered without a code: " + callback);
		}
		Map<String, String> exchange = new LinkedHashMap<>();
		exchange.put("grant_type", "authorization_code");
		exchange.put("code", parameters.get("code"));
		exchange.put("redirect_uri", CLI_REDIRECT_URI);
		exchange.put("client_id", this.clientId);
		exchange.put("code_verifier", verifier);
		HttpResponse<String> token = send(http, post(this.issuer.resolve("/oauth2/token"), exchange));
		Matcher accessToken = ACCESS_TOKEN.matcher(token.body());
		if (token.statusCode() != 200 || !accessToken.find()) {
			throw new SignInException("The code exchange failed (HTTP " + token.statusCode() + "): " + token.body());
		}
		return accessToken.group(1);
	}

	private static HttpRequest.Builder post(URI uri, Map<String, String> fields) {
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)));
	}

	private HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SignInException("Cannot reach the authorization server at " + this.issuer + " (" + ex
					+ "); is it running? ./orderflow status", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SignInException("Interrupted while signing in", ex);
		}
	}

	private static URI redirect(HttpResponse<String> response, URI from, String step) {
		String location = response.headers().firstValue("Location").orElse(null);
		if (response.statusCode() / 100 != 3 || location == null) {
			throw new SignInException(
					"Expected a redirect from " + step + " (" + from + "), got HTTP " + response.statusCode());
		}
		return from.resolve(location);
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					parameters.put(pair.substring(0, eq),
							java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return parameters;
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
