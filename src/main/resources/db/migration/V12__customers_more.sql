-- Know the customer, continued: CRM import, customer-confirmed links, segments, retention, incremental tiers.

-- A CRM record naming a person's accounts is evidence too (the company's own records), next to MANUAL, EMAIL, CONFIRMED.
alter table person_merges drop constraint person_merges_evidence_check;
alter table person_merges add constraint person_merges_evidence_check check (evidence in ('MANUAL', 'EMAIL', 'CONFIRMED', 'CRM'));

alter table persons add column phone text;
-- the normalised centrality (0..1) of the last full recompute, so an incremental update can rescore a person
alter table persons add column tier_centrality double precision;

-- The cut points of the last full recompute: the maxima each signal is divided by and the lowest score of each
-- tier. Incremental updates place a person against these without ranking the whole workspace again.
create table influence_cuts (
    id              smallint primary key check (id = 1),
    max_reach       double precision not null,
    max_activity    double precision not null,
    max_engagement  double precision not null,
    min_score_5     double precision,
    min_score_4     double precision,
    min_score_3     double precision,
    min_score_2     double precision,
    reach_top       double precision[] not null,   -- [k] = the reach at the top k % (k = 1..100), for "top x %" in between
    centrality_top  double precision[] not null,
    score_top       double precision[] not null,
    persons         integer not null,
    computed_at     timestamptz not null
);

-- A customer-confirmed link: the agent hands a one-time code to the customer through one channel; the code
-- arriving from another identity links that identity's person to this one. Only a hash of the secret is kept.
create table link_confirmations (
    id                     bigserial primary key,
    person_id              bigint not null references persons (id) on delete cascade,
    secret_hash            text not null,
    created_by             bigint references users (id),
    created_at             timestamptz not null default now(),
    expires_at             timestamptz not null,
    failed_attempts        integer not null default 0,
    used_at                timestamptz,
    confirmed_identity_id  bigint references identities (id) on delete set null,
    merge_id               bigint references person_merges (id) on delete set null
);
create index link_confirmations_person on link_confirmations (person_id, created_at desc);

-- Saved person filters. The filter is typed JSON (SegmentFilter), never SQL.
create table segments (
    id          bigserial primary key,
    name        text not null check (name <> ''),
    filter      jsonb not null,
    created_by  bigint references users (id),
    created_at  timestamptz not null default now()
);
create unique index segments_name on segments (lower(name));
insert into segments (name, filter) values
    ('Promoters', '{"sentiment": "POSITIVE", "minTier": 4, "activeDays": 90}'),
    ('At risk', '{"complaints": 2, "complaintDays": 30}');

-- Retention: a mention past the configured age keeps its row for statistics but loses its content.
alter table mentions add column expired_at timestamptz;
create index mentions_unexpired on mentions (published_at) where expired_at is null;
-- replies to a person's messages, for the incremental tier update of the person replied to
create index mentions_in_reply_to on mentions (source_id, in_reply_to) where in_reply_to is not null;
create index mentions_complaints on mentions (identity_id, published_at) where complaint >= 0.5;
