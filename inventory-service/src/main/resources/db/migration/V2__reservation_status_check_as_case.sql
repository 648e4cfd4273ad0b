-- The same rule as V1's reservation_status_check, written as CASE instead of IN.
-- H2 2.4.240 ties a CHECK that uses IN (or OR) to the connection that created it: once the pool
-- retires Flyway's connection (Hikari's maxLifetime, about 22 minutes after start), every insert
-- into reservation fails with "Check constraint invalid" (h2database#4302, fixed after 2.4.240).
-- A CASE is compiled without that tie; PostgreSQL reads both forms alike.
-- ReservationStatusConstraintTest reproduces the failure by closing the migrating connection.
ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check CHECK (
    CASE status
        WHEN 'RESERVED' THEN TRUE
        WHEN 'REJECTED' THEN TRUE
        WHEN 'RELEASED' THEN TRUE
        WHEN 'CANCELLED_BEFORE_RESERVATION' THEN TRUE
        ELSE FALSE
    END);
