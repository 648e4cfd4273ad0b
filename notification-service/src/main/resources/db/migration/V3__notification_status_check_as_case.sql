-- The same rule as V1's ck_notification_status, written as CASE instead of IN.
-- H2 2.4.240 ties a CHECK that uses IN (or OR) to the connection that created it: once the pool
-- retires Flyway's connection (Hikari's maxLifetime, about 22 minutes after start), every insert
-- into notification fails with "Check constraint invalid" (h2database#4302, fixed after 2.4.240).
-- A CASE is compiled without that tie; PostgreSQL reads both forms alike.
-- NotificationStatusConstraintTest reproduces the failure by closing the migrating connection.
ALTER TABLE notification DROP CONSTRAINT ck_notification_status;
ALTER TABLE notification ADD CONSTRAINT ck_notification_status CHECK (
    CASE status
        WHEN 'SENT' THEN TRUE
        WHEN 'FAILED' THEN TRUE
        ELSE FALSE
    END);
