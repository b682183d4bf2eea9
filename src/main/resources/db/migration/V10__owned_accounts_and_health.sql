-- Accounts the organisation owns per channel (the brand's handle on a network, its support address, its
-- account on a review site). Posts by them are our own replies in a thread, never customer mentions. Accounts
-- named in a connector's settings (Mastodon account, Bluesky handle, mailbox address) are owned as well; this
-- table adds the ones Luister only hears about (imports, feeds, webhooks).
create table owned_accounts (
    id          bigserial primary key,
    channel     text not null,
    handle      text not null check (handle <> ''),
    role        text not null default 'WEBCARE' check (role in ('WEBCARE', 'MARKETING')),
    created_at  timestamptz not null default now()
);
create unique index owned_accounts_handle on owned_accounts (channel, lower(handle));

-- A post of an owned account that was not sent from Luister (an agent answered on the network itself) is kept
-- as a reply of the case in state POSTED_OUTSIDE, with the account that posted it.
alter table replies drop constraint replies_state_check;
alter table replies add constraint replies_state_check
    check (state in ('QUEUED', 'SENT', 'FAILED', 'ANSWERED_ON_SITE', 'POSTED_OUTSIDE'));
alter table replies add column posted_by text;

-- Connector health: when the current outage began and whether admins were told about it (once per outage).
alter table sources add column failing_since timestamptz;
alter table sources add column outage_notified_at timestamptz;

-- In-app notices for admins: a source failing longer than the configured time, and its recovery.
create table source_notices (
    id          bigserial primary key,
    source_id   bigint not null references sources (id) on delete cascade,
    kind        text not null check (kind in ('FAILING', 'RECOVERED')),
    detail      text not null,
    at          timestamptz not null default now(),
    dismissed_at timestamptz
);
create index source_notices_open on source_notices (at desc) where dismissed_at is null;
