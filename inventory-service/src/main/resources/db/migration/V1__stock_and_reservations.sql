-- Stock per SKU and the reservations that hold it. Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE stock (
    sku         VARCHAR(64)  NOT NULL PRIMARY KEY,
    available   INTEGER      NOT NULL CHECK (available >= 0),
    reserved    INTEGER      NOT NULL CHECK (reserved >= 0),
    version     BIGINT       NOT NULL DEFAULT 0
);

-- One row per order that inventory answered; its status decides what a cancel gives back.
CREATE TABLE reservation (
    order_id             VARCHAR(128) NOT NULL PRIMARY KEY,
    status               VARCHAR(40)  NOT NULL,
    rejection_code       VARCHAR(32),
    rejection_reason     VARCHAR(1000),
    rejection_sku        VARCHAR(255),
    rejection_shortfall  INTEGER,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT reservation_status_check
        CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED', 'CANCELLED_BEFORE_RESERVATION'))
);

-- The order's lines as received (a rejected order may name SKUs that do not exist).
CREATE TABLE reservation_line (
    order_id  VARCHAR(128) NOT NULL REFERENCES reservation (order_id),
    line_no   INTEGER      NOT NULL,
    sku       VARCHAR(255) NOT NULL,
    quantity  INTEGER      NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
