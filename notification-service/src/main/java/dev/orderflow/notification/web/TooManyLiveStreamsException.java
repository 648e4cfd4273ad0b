package dev.orderflow.notification.web;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Every live stream this instance allows is open: the new one is refused with 503, a
 * {@code Retry-After} and a problem detail naming the limit (rendered by
 * {@link ApiErrors}).
 */
class TooManyLiveStreamsException extends ErrorResponseException {

	TooManyLiveStreamsException(int limit, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(limit, retryAfter), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
	}

	private static ProblemDetail problem(int limit, Duration retryAfter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"This instance serves at most " + limit + " live streams at a time "
						+ "(orderflow.notification.stream.max-clients); retry in " + retryAfter.toSeconds()
						+ " seconds");
		problem.setTitle("Too many live streams");
		problem.setProperty("limit", limit);
		return problem;
	}

}
