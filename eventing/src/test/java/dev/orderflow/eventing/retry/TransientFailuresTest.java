package dev.orderflow.eventing.retry;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures a consumer waits out and which are the record's own, for the database
 * failures the soak met (ADR 0017).
 */
class TransientFailuresTest {

	@Test
	void anInsertThatFailedBecauseTheDatabaseWasClosedWaitsForTheDatabase() {
		// the chain inventory-service logged 568 times, one dead letter each, in the soak
		Exception closed = new DataIntegrityViolationException("PreparedStatementCallback; Check constraint invalid",
				new SQLIntegrityConstraintViolationException("Check constraint invalid: \"RESERVATION_STATUS_CHECK: \"",
						"23514", 23514,
						new SQLNonTransientConnectionException("The database has been closed", "90098", 90098)));

		assertThat(TransientFailures.dependencyOf(closed)).contains(Dependency.DATABASE);
	}

	@Test
	void aConnectionFailureReportedOnlyByItsSqlStateWaitsForTheDatabase() {
		Exception refused = new DataIntegrityViolationException("insert failed",
				new java.sql.SQLException("connection failure", "08006"));

		assertThat(TransientFailures.dependencyOf(refused)).contains(Dependency.DATABASE);
	}

	@Test
	void aRealConstraintViolationIsTheRecordsOwnFailure() {
		Exception violation = new DataIntegrityViolationException("Check constraint violation",
				new SQLIntegrityConstraintViolationException("Check constraint violation: \"RESERVATION_STATUS_CHECK\"",
						"23513", 23513));

		assertThat(TransientFailures.dependencyOf(violation)).isEmpty();
	}

}
