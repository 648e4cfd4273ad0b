-- The trace context (W3C traceparent, tracestate, baggage as "name=value" lines) of the transaction that stored
-- an outbox event, so the relay publishes it as part of the same trace. NULL when nothing was traced.
ALTER TABLE outbox_event ADD COLUMN trace_context VARCHAR(2000);
