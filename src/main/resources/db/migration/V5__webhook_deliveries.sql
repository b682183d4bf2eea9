-- Webhook deliveries already received, by the sender's webhook-id, so a replayed or retried delivery is answered
-- without being ingested twice. Rows expire: a delivery older than the signature's five-minute window is refused
-- on its timestamp anyway, so a day of memory is plenty.
create table webhook_deliveries (
    source_id   bigint not null references sources (id) on delete cascade,
    webhook_id  text not null,
    received_at timestamptz not null default now(),
    expires_at  timestamptz not null,
    primary key (source_id, webhook_id)
);
create index webhook_deliveries_expiry on webhook_deliveries (expires_at);
