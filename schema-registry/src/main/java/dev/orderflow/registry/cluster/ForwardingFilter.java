package dev.orderflow.registry.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.registry.store.Leader;
import dev.orderflow.registry.store.LeaderElection;
import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.store.StoreProperties;
import dev.orderflow.registry.web.ErrorResponses;
import dev.orderflow.registry.web.Errors;
import dev.orderflow.registry.web.WriteRequests;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends every write to the leader, as Confluent's followers do: the leader handles it
 * itself, a follower forwards it (credentials included) to the URL the leader announced
 * and hands back the leader's answer, once its own state has applied the write, so the
 * client can read it here at once. While there is no reachable leader (a failover) the
 * write waits and tries again, up to {@code orderflow.registry.forward-timeout}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ForwardingFilter extends OncePerRequestFilter {

	/**
	 * Marks a forwarded request: the receiver handles it or refuses, never forwards it
	 * again.
	 */
	static final String FORWARDED = "X-Orderflow-Registry-Forwarded";

	private static final Logger log = LoggerFactory.getLogger(ForwardingFilter.class);

	private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept", "Authorization");

	private static final long RETRY_MILLIS = 200;

	private final SchemaStore store;

	private final LeaderElection election;

	private final Duration timeout;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	ForwardingFilter(SchemaStore store, LeaderElection election, StoreProperties properties) {
		this.store = store;
		this.election = election;
		this.timeout = properties.forwardTimeout();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!WriteRequests.isWrite(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		boolean forwarded = request.getHeader(FORWARDED) != null;
		long deadline = System.nanoTime() + this.timeout.toNanos();
		String failure = "No leader is known";
		while (true) {
			if (this.election.isLeader()) {
				chain.doFilter(new CachedBodyRequest(request, body), response);
				return;
			}
			if (forwarded) {
				// the sender picked a stale leader: it tries again once it learns the new
				// one
				ErrorResponses.write(response, Errors.unknownLeader("This instance is not the leader"));
				return;
			}
			Optional<Leader> leader = this.store.leader().filter((known) -> !known.url().equals(this.election.url()));
			if (leader.isPresent()) {
				try {
					HttpResponse<byte[]> answer = forward(request, body, leader.get(), deadline);
					if (!refusedAsNotLeader(answer)) {
						this.store.catchUp();
						copy(answer, response);
						return;
					}
					failure = "The last known leader " + leader.get().url() + " is no longer the leader";
				}
				catch (IOException ex) {
					failure = "Error while forwarding the request to the leader " + leader.get().url() + ": " + ex;
					log.debug(failure);
				}
			}
			if (System.nanoTime() > deadline) {
				ErrorResponses.write(response,
						leader.isPresent() ? Errors.forwardingFailed(failure) : Errors.unknownLeader(failure));
				return;
			}
			if (!pause()) {
				ErrorResponses.write(response, Errors.unknownLeader("Interrupted while waiting for a leader"));
				return;
			}
		}
	}

	private HttpResponse<byte[]> forward(HttpServletRequest request, byte[] body, Leader leader, long deadline)
			throws IOException {
		String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
		long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
		HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(leader.url() + request.getRequestURI() + query))
			.timeout(Duration.ofMillis(left))
			.method(request.getMethod(), BodyPublishers.ofByteArray(body))
			.header(FORWARDED, String.valueOf(this.election.url()));
		for (String name : FORWARDED_HEADERS) {
			String value = request.getHeader(name);
			if (value != null) {
				forward.header(name, value);
			}
		}
		try {
			return this.client.send(forward.build(), BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while forwarding", ex);
		}
	}

	private static boolean refusedAsNotLeader(HttpResponse<byte[]> answer) {
		return answer.statusCode() == 500 && new String(answer.body()).contains("\"error_code\":50004");
	}

	private static void copy(HttpResponse<byte[]> answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.statusCode());
		answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
		response.getOutputStream().write(answer.body());
	}

	private static boolean pause() {
		try {
			Thread.sleep(RETRY_MILLIS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
