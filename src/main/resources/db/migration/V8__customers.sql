-- Know the customer: every mention's author is an identity (one account on one channel), every identity belongs
-- to a person. Persons are linked only on evidence; every link is a row in person_merges so it can be undone.

create table persons (
    id               bigserial primary key,
    display_name     text,
    customer_number  text,
    email            text,                         -- CRM e-mail address: evidence for linking an e-mail identity
    segment          text,
    value            numeric(14, 2),
    contact_channel  text,
    contact_times    text,
    tags             text[] not null default '{}',
    created_at       timestamptz not null default now(),
    merged_into      bigint references persons (id),
    tier             smallint check (tier between 1 and 5),
    tier_basis       jsonb,                        -- the figures the tier was computed from, for its explanation
    tier_computed_at timestamptz,
    check (merged_into is null or merged_into <> id)
);
-- room on each page for the tier recompute's updates to stay HOT (no index churn)
alter table persons set (fillfactor = 70);
create unique index persons_customer_number on persons (customer_number) where customer_number is not null and merged_into is null;
create index persons_email on persons (lower(email)) where email is not null;
create index persons_name on persons (lower(display_name));

create table identities (
    id            bigserial primary key,
    channel       text not null,
    handle        text not null check (handle <> ''),
    display_name  text,
    followers     integer,
    profile_url   text,
    first_seen    timestamptz not null,
    last_seen     timestamptz not null,
    person_id     bigint not null references persons (id)
);
create unique index identities_handle on identities (channel, lower(handle));
create index identities_person on identities (person_id);
create index identities_name on identities (lower(display_name));

alter table mentions add column identity_id bigint references identities (id) on delete set null;
create index mentions_identity on mentions (identity_id, published_at desc);
create index cases_author_ci on cases (channel, lower(author_handle), last_activity_at desc);

-- One row per link of two persons: the merged person's identities moved to the survivor. Undoing moves them back.
-- At most one active link per merged person: two agents merging the same person at once cannot both succeed.
create table person_merges (
    id            bigserial primary key,
    survivor_id   bigint not null references persons (id),
    merged_id     bigint not null references persons (id),
    identity_ids  bigint[] not null,
    evidence      text not null check (evidence in ('MANUAL', 'EMAIL', 'CONFIRMED')),
    actor_id      bigint references users (id),
    at            timestamptz not null default now(),
    undone_at     timestamptz,
    undone_by     bigint references users (id),
    check (survivor_id <> merged_id)
);
create unique index person_merges_active on person_merges (merged_id) where undone_at is null;
create index person_merges_survivor on person_merges (survivor_id);

-- Who did what to which subject, for every feature: never holds personal text, only ids and figures.
create table audit_log (
    id            bigserial primary key,
    at            timestamptz not null default now(),
    actor_id      bigint references users (id),
    action        text not null,
    subject_type  text not null,
    subject_id    bigint,
    detail        jsonb not null default '{}'
);
create index audit_log_subject on audit_log (subject_type, subject_id, at);
