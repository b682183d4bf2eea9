-- Noise control: near-duplicate groups, exclusion lists and backfills (retro-search) of topics.

-- A group of near-identical mentions (copy-paste storms, retweets, syndicated news). Its id is the id of its first
-- mention, whose 64-bit SimHash the group keeps, cut into six bands: a new mention is looked up by band (a
-- candidate shares one band value exactly) and joins when its SimHash is within the distance of the group's.
-- Only groups are indexed, never their members, so a storm of 10,000 copies stays one row to look up.
create table duplicate_groups (
    id         bigint primary key references mentions (id) on delete cascade,
    simhash    bigint not null,
    numbers    bigint not null,              -- hash of the numbers in the text: same template, other order number
    b0         integer not null,
    b1         integer not null,
    b2         integer not null,
    b3         integer not null,
    b4         integer not null,
    b5         integer not null,
    first_at   timestamptz not null,
    last_at    timestamptz not null,
    size       integer not null default 1,
    case_id    bigint references cases (id) on delete set null
);
create index duplicate_groups_b0 on duplicate_groups (b0, last_at);
create index duplicate_groups_b1 on duplicate_groups (b1, last_at);
create index duplicate_groups_b2 on duplicate_groups (b2, last_at);
create index duplicate_groups_b3 on duplicate_groups (b3, last_at);
create index duplicate_groups_b4 on duplicate_groups (b4, last_at);
create index duplicate_groups_b5 on duplicate_groups (b5, last_at);
create index duplicate_groups_case on duplicate_groups (case_id) where case_id is not null;

-- The later members of a group (its first mention is the group itself).
create table duplicate_members (
    mention_id bigint primary key references mentions (id) on delete cascade,
    group_id   bigint not null references duplicate_groups (id) on delete cascade
);
create index duplicate_members_group on duplicate_members (group_id, mention_id);

-- What a topic must not match: its own list (topic_id set) and the workspace-wide list (topic_id null).
create table exclusions (
    id         bigserial primary key,
    topic_id   bigint references topics (id) on delete cascade,
    kind       text not null check (kind in ('OWN_ACCOUNT', 'SPAM_AUTHOR', 'JOB_AD', 'WORD', 'DOMAIN')),
    value      text not null check (value <> ''),
    created_at timestamptz not null default now()
);
create unique index exclusions_unique on exclusions (coalesce(topic_id, 0), kind, lower(value));

-- A topic run over stored mentions of the last days. Mentions are walked by id up to until_id (the newest when
-- it started: later ones went through the pipeline with the topic already in place); after_id is where it resumes.
create table backfill_jobs (
    id            bigserial primary key,
    topic_id      bigint not null references topics (id) on delete cascade,
    days          integer not null check (days between 1 and 3650),
    open_cases    boolean not null,
    state         text not null check (state in ('RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
    since         timestamptz not null,
    until_id      bigint not null,
    after_id      bigint not null default 0,
    total         integer not null,
    examined      integer not null default 0,
    matched       integer not null default 0,
    cases_touched integer not null default 0,
    error         text,
    requested_by  bigint references users (id),
    created_at    timestamptz not null default now(),
    finished_at   timestamptz
);
create index backfill_jobs_topic on backfill_jobs (topic_id, created_at desc);
create index backfill_jobs_running on backfill_jobs (id) where state = 'RUNNING';
