-- Luister foundation: users, brands, sources, topics, the mention log, mentions, cases, replies.

create table users (
    id            bigserial primary key,
    username      text not null unique,
    password_hash text not null,
    role          text not null check (role in ('ADMIN', 'AGENT')),
    display_name  text,
    locale        text,
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);

create table brands (
    id         bigserial primary key,
    name       text not null unique,
    created_at timestamptz not null default now()
);

-- A source is one configured connector instance (one feed, one mailbox, one import stream).
create table sources (
    id               bigserial primary key,
    brand_id         bigint references brands (id),
    source_key       text not null unique,          -- stable key: import lines name their source with it
    type             text not null,                 -- connector type, e.g. 'rss', 'import'
    name             text not null,
    channel          text not null,
    settings         jsonb not null default '{}',
    poll_seconds     integer not null default 300 check (poll_seconds >= 10),
    paused           boolean not null default false,
    cursor           text,
    last_success_at  timestamptz,
    last_error_at    timestamptz,
    last_error       text,
    failures         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    items_total      bigint not null default 0,
    created_at       timestamptz not null default now()
);

create table topics (
    id         bigserial primary key,
    brand_id   bigint references brands (id),
    name       text not null,
    query      text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- The mention log: the durable hand-off between ingest and the pipeline (embedded mode).
-- Ingest inserts rows together with the source cursor; the pipeline claims batches with
-- FOR UPDATE SKIP LOCKED and deletes them in the transaction that stores the mentions.
create table mention_log (
    id           bigserial primary key,
    source_id    bigint not null references sources (id),
    external_id  text not null,
    payload      jsonb not null,
    received_at  timestamptz not null default now(),
    unique (source_id, external_id)
);

create table cases (
    id                bigserial primary key,
    status            text not null check (status in ('NEW', 'OPEN', 'PENDING', 'RESOLVED')),
    channel           text not null,
    source_id         bigint not null references sources (id),
    author_handle     text,
    author_name       text,
    topic_id          bigint references topics (id) on delete set null,
    assignee_id       bigint references users (id),
    snippet           text not null default '',
    mention_count     integer not null default 0,
    opened_at         timestamptz not null default now(),
    last_activity_at  timestamptz not null default now(),
    resolved_at       timestamptz
);
create index cases_inbox on cases (status, last_activity_at desc);
create index cases_author on cases (channel, author_handle, last_activity_at desc);

create table mentions (
    id               bigserial primary key,
    source_id        bigint not null references sources (id),
    external_id      text not null,
    channel          text not null,
    author_handle    text,
    author_name      text,
    author_followers integer,
    title            text,
    text             text not null,
    url              text,
    published_at     timestamptz not null,
    in_reply_to      text,
    ingested_at      timestamptz not null default now(),
    case_id          bigint references cases (id),
    search           tsvector generated always as (
        to_tsvector('dutch'::regconfig, coalesce(title, '') || ' ' || text)
        || to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)) stored,
    unique (source_id, external_id)
);
create index mentions_search on mentions using gin (search);
create index mentions_case on mentions (case_id, published_at);
create index mentions_published on mentions (published_at desc);
create index mentions_reply_target on mentions (source_id, external_id) include (case_id);

create table mention_topics (
    mention_id bigint not null references mentions (id) on delete cascade,
    topic_id   bigint not null references topics (id) on delete cascade,
    primary key (mention_id, topic_id)
);
create index mention_topics_topic on mention_topics (topic_id);

create table case_events (
    id        bigserial primary key,
    case_id   bigint not null references cases (id) on delete cascade,
    at        timestamptz not null default now(),
    actor_id  bigint references users (id),
    kind      text not null,
    detail    text
);
create index case_events_case on case_events (case_id, at);

create table case_notes (
    id         bigserial primary key,
    case_id    bigint not null references cases (id) on delete cascade,
    author_id  bigint references users (id),
    text       text not null,
    created_at timestamptz not null default now()
);

-- Replies go out through an outbox: a row per reply with its delivery state.
create table replies (
    id            bigserial primary key,
    case_id       bigint not null references cases (id) on delete cascade,
    mention_id    bigint references mentions (id),
    author_id     bigint references users (id),
    text          text not null,
    state         text not null check (state in ('QUEUED', 'SENT', 'FAILED', 'ANSWERED_ON_SITE')),
    attempts      integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error    text,
    external_id   text,
    created_at    timestamptz not null default now(),
    sent_at       timestamptz
);
create index replies_case on replies (case_id, created_at);
create index replies_queued on replies (state) where state = 'QUEUED';
