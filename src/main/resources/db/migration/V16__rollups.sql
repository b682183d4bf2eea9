-- Time-bucketed rollups that keep dashboards fast on millions of mentions. Maintained by the mention pipeline in the
-- transaction that stores the mentions (so a crash never counts a batch twice or loses it) and rebuilt for a range
-- on demand. topic_id 0 holds every mention once, whatever matched it. Days are days of the workspace's time zone.

create table rollup_hour (
    bucket      timestamptz not null,
    topic_id    bigint not null,
    channel     text not null,
    language    text not null,
    mentions    integer not null,
    negative    integer not null,
    neutral     integer not null,
    positive    integer not null,
    complaints  integer not null,
    primary key (topic_id, bucket, channel, language)
);

create table rollup_day (
    day         date not null,
    topic_id    bigint not null,
    channel     text not null,
    language    text not null,
    mentions    integer not null,
    negative    integer not null,
    neutral     integer not null,
    positive    integer not null,
    complaints  integer not null,
    primary key (topic_id, day, channel, language)
);

-- where people talk: sites (URL host without www.) and authors per topic and day
create table rollup_site_day (
    day         date not null,
    topic_id    bigint not null,
    site        text not null,
    mentions    integer not null,
    negative    integer not null,
    positive    integer not null,
    primary key (topic_id, day, site)
);

create table rollup_author_day (
    day         date not null,
    topic_id    bigint not null,
    channel     text not null,
    handle      text not null,
    mentions    integer not null,
    negative    integer not null,
    positive    integer not null,
    followers   integer,
    primary key (topic_id, day, channel, handle)
);

-- webcare figures read cases and replies by time
create index if not exists cases_opened on cases (opened_at);
create index if not exists cases_resolved on cases (resolved_at) where resolved_at is not null;
create index if not exists replies_created on replies (created_at);
