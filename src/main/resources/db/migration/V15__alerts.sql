-- Spike and crisis alerts: per-topic rules, the alerts raised (one open alert per topic and window: an episode),
-- and their deliveries by e-mail and webhook, retried with back-off, held through quiet hours.

create table alert_rules (
    topic_id       bigint primary key references topics (id) on delete cascade,
    enabled        boolean not null default true,
    hour_window    boolean not null default true,
    day_window     boolean not null default true,
    min_volume     integer not null default 10 check (min_volume between 1 and 1000000),
    persistence    integer not null default 2 check (persistence between 1 and 12),
    min_severity   integer not null default 1 check (min_severity between 1 and 10),
    emails         text[] not null default '{}',
    webhook_url    text,
    webhook_secret text,
    quiet_from     time,
    quiet_to       time,
    quiet_zone     text not null default 'Europe/Amsterdam',
    updated_at     timestamptz not null default now()
);

create table alerts (
    id               bigserial primary key,
    topic_id         bigint references topics (id) on delete cascade,
    kind             text not null check (kind in ('VOLUME', 'NEGATIVE', 'VOLUME_NEGATIVE', 'INFLUENTIAL', 'SPREADING')),
    window_name      text check (window_name in ('hour', 'day')),
    mention_id       bigint references mentions (id) on delete set null,
    severity         smallint not null check (severity between 1 and 10),
    summary          jsonb not null default '{}',
    started_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    cleared_at       timestamptz,
    acknowledged_at  timestamptz,
    acknowledged_by  bigint references users (id) on delete set null
);
-- one open episode per topic and window: a spike that lasts an hour is one alert, not twelve
create unique index alerts_open_episode on alerts (topic_id, window_name) where cleared_at is null and window_name is not null;
-- one early warning per mention and kind
create unique index alerts_early_warning on alerts (mention_id, kind) where window_name is null;
create index alerts_unacknowledged on alerts (started_at desc) where acknowledged_at is null;

create table alert_deliveries (
    id               bigserial primary key,
    alert_id         bigint not null references alerts (id) on delete cascade,
    channel          text not null check (channel in ('EMAIL', 'WEBHOOK')),
    target           text not null,
    state            text not null check (state in ('QUEUED', 'SENT', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    sent_at          timestamptz,
    unique (alert_id, channel, target)
);
create index alert_deliveries_due on alert_deliveries (next_attempt_at) where state = 'QUEUED';

create table alert_watch (
    id            integer primary key check (id = 1),
    last_mention  bigint not null default 0
);
insert into alert_watch (id, last_mention) values (1, 0);
