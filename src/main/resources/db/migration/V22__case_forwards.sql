-- A case forwarded by e-mail to a colleague outside the webcare team: the mail carries a signed link
-- (HMAC over id and expiry) to a read-only view; the row says who sent it to whom, until when, how often it was
-- opened and whether it was revoked.
create table case_forwards (
    id             bigserial primary key,
    case_id        bigint not null references cases (id) on delete cascade,
    forwarded_by   bigint references users (id) on delete set null,
    recipient      text not null,
    note           text not null default '',
    created_at     timestamptz not null default now(),
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_by     bigint references users (id) on delete set null,
    open_count     integer not null default 0,
    last_opened_at timestamptz,
    mail_error     text
);
create index case_forwards_case on case_forwards (case_id, created_at desc);
create index case_forwards_by on case_forwards (forwarded_by, created_at desc);
