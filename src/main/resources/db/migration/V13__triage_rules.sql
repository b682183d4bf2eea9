-- Triage: every case's severity (1-5) with its reasons and the recommended response, repeat-contact escalation,
-- tags and the approval flag set by rules; rules team leads write; the log of what rules did on a case;
-- in-app notifications for team leads.

alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in ('ADMIN', 'LEAD', 'AGENT'));

alter table cases add column severity smallint check (severity between 1 and 5);
alter table cases add column triage jsonb;                 -- reasons and recommended response, for the case view
alter table cases add column escalated boolean not null default false;
alter table cases add column escalated_from bigint references cases (id) on delete set null;  -- the earlier complaint
alter table cases add column tags text[] not null default '{}';
alter table cases add column approval_required boolean not null default false;
alter table cases add column triaged_at timestamptz;
create index cases_severity on cases (escalated desc, severity desc nulls last, last_activity_at desc) where status <> 'RESOLVED';

-- Rules run in position order; conditions and actions are JSON documents of nl.luister.rules.RuleConditions/RuleActions.
create table rules (
    id          bigserial primary key,
    name        text not null check (length(name) between 1 and 100),
    position    integer not null,
    enabled     boolean not null default false,
    conditions  jsonb not null default '{}',
    actions     jsonb not null default '{}',
    created_by  bigint references users (id) on delete set null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index rules_position on rules (position, id);

-- What a rule did to a case ("rule 'Influencer complaint' set severity 5"); the rule's name is kept as it was.
create table rule_runs (
    id         bigserial primary key,
    case_id    bigint not null references cases (id) on delete cascade,
    rule_id    bigint references rules (id) on delete set null,
    rule_name  text not null,
    action     text not null,
    detail     text,
    at         timestamptz not null default now()
);
create index rule_runs_case on rule_runs (case_id, at);

create table notifications (
    id          bigserial primary key,
    user_id     bigint not null references users (id) on delete cascade,
    case_id     bigint references cases (id) on delete cascade,
    kind        text not null,
    detail      text,
    created_at  timestamptz not null default now(),
    read_at     timestamptz
);
create index notifications_unread on notifications (user_id, created_at desc) where read_at is null;
