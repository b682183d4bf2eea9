-- Webcare figures per day of the workspace's zone and channel, refreshed from cases and replies on a schedule (the
-- last weeks every minute, the last year at start and nightly): dashboards over long periods read these rows, not cases.
-- Response and resolution times are kept as sums and as histograms over fixed minute bins, for averages and medians.
create table rollup_case_day (
    day                 date not null,
    channel             text not null,
    opened              integer not null,
    answered            integer not null,
    first_response_min  double precision not null,
    first_response_hist integer[] not null,
    resolved            integer not null,
    resolution_min      double precision not null,
    resolution_hist     integer[] not null,
    primary key (day, channel)
);

create table rollup_agent_day (
    day       date not null,
    agent     text not null,
    replies   integer not null,
    primary key (day, agent)
);

-- the backlog counts open cases from now backwards
create index if not exists cases_unresolved on cases (opened_at) where resolved_at is null;
