-- SLA: business calendars (zone, weekly hours, holidays), policies per channel and severity with targets in business
-- minutes, the clocks kept on each case, the breaches found by the scheduled check, and a day rollup for dashboards.

create table sla_calendars (
    id          bigserial primary key,
    name        text not null unique,
    zone        text not null,
    always_open boolean not null default false,
    hours       jsonb not null default '[]',     -- [{"day": "MONDAY", "from": "09:00", "to": "17:00"}, ...]; "to" may be "24:00"
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table sla_holidays (
    id          bigserial primary key,
    calendar_id bigint not null references sla_calendars (id) on delete cascade,
    day         date not null,
    name        text not null,
    yearly      boolean not null default false,  -- the same month and day every year
    unique (calendar_id, day)
);

create table sla_policies (
    id                 bigserial primary key,
    name               text not null,
    channel            text,                       -- null: any channel
    severity           smallint check (severity between 1 and 5),  -- null: any severity
    position           integer not null default 0,
    calendar_id        bigint not null references sla_calendars (id),
    first_response_min integer check (first_response_min > 0),
    next_response_min  integer check (next_response_min > 0),
    resolution_min     integer check (resolution_min > 0),
    escalate           boolean not null default false,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

-- The clocks of a case, kept by nl.luister.sla.SlaClocks. A due time is null when its clock is not running (met,
-- paused, stopped or without target); *_warn is the moment 80% of the target has gone by. The resolution clock
-- pauses while the case waits on the customer: sla_res_used holds the business seconds used before the pause and
-- sla_res_since the start of the running stretch.
alter table cases
    add column sla_policy_id     bigint,
    add column sla_first_target  integer,
    add column sla_first_due     timestamptz,
    add column sla_first_warn    timestamptz,
    add column sla_first_done_at timestamptz,
    add column sla_next_target   integer,
    add column sla_next_due      timestamptz,
    add column sla_next_warn     timestamptz,
    add column sla_res_target    integer,
    add column sla_res_used      bigint,
    add column sla_res_since     timestamptz,
    add column sla_res_due       timestamptz,
    add column sla_res_warn      timestamptz;
create index cases_sla_first_due on cases (sla_first_due) where sla_first_due is not null;
create index cases_sla_next_due on cases (sla_next_due) where sla_next_due is not null;
create index cases_sla_res_due on cases (sla_res_due) where sla_res_due is not null;
create index cases_resolved_at on cases (resolved_at) where resolved_at is not null;
create index cases_opened_at on cases (opened_at);

create table sla_breaches (
    id          bigserial primary key,
    case_id     bigint not null references cases (id) on delete cascade,
    kind        text not null check (kind in ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION')),
    due_at      timestamptz not null,
    breached_at timestamptz not null default now(),
    channel     text not null,
    policy_id   bigint,
    escalated   boolean not null default false
);
-- one breach per case for first response and resolution; one per due time for next responses (each customer message
-- after our reply starts a new clock)
create unique index sla_breaches_once on sla_breaches (case_id, kind) where kind <> 'NEXT_RESPONSE';
create unique index sla_breaches_next_once on sla_breaches (case_id, kind, due_at) where kind = 'NEXT_RESPONSE';
create index sla_breaches_at on sla_breaches (breached_at);
create index sla_breaches_case on sla_breaches (case_id, kind);

-- SLA figures per day of the workspace's zone and channel, recounted from cases and breaches like rollup_case_day:
-- first responses of the cases opened that day with a target (met or breached), resolutions of that day with a target,
-- and the breaches found that day by kind.
create table rollup_sla_day (
    day                date not null,
    channel            text not null,
    first_total        integer not null,
    first_met          integer not null,
    resolution_total   integer not null,
    resolution_met     integer not null,
    breaches_first     integer not null,
    breaches_next      integer not null,
    breaches_resolution integer not null,
    primary key (day, channel)
);
