-- Routing: teams with skills, agents with presence and capacity, the team a case waits in.

-- A team's skills: empty means "any". Brands are ids of brands (a case's brand is its topic's brand).
create table teams (
    id          bigserial primary key,
    name        text not null unique check (length(name) between 1 and 100),
    languages   text[] not null default '{}',
    channels    text[] not null default '{}',
    brand_ids   bigint[] not null default '{}',
    created_at  timestamptz not null default now()
);

create table team_members (
    team_id  bigint not null references teams (id) on delete cascade,
    user_id  bigint not null references users (id) on delete cascade,
    primary key (team_id, user_id)
);
create index team_members_user on team_members (user_id);

-- One row per user who ever had a presence or a capacity; a user without a row is offline with the default capacity.
create table agents (
    user_id           bigint primary key references users (id) on delete cascade,
    presence          text not null default 'OFFLINE' check (presence in ('ONLINE', 'AWAY', 'OFFLINE')),
    capacity          integer not null default 10 check (capacity between 0 and 1000),
    presence_at       timestamptz not null default now(),
    last_assigned_at  timestamptz
);

alter table cases add column team_id bigint references teams (id) on delete set null;
-- the outcome of the last routing decision ('agent:7', 'queue:3', 'none'): a decision is logged only when it changes
alter table cases add column routing_state text;
-- the team queues: unassigned open cases of a team, most urgent first
create index cases_team_queue on cases (team_id, escalated desc, severity desc nulls last, opened_at)
    where assignee_id is null and status <> 'RESOLVED';
-- a person's cases on every channel (routing's "last agent who helped", triage's repeat contact) join on the lower-cased handle
create index cases_author_lower on cases (channel, lower(author_handle));
-- an agent's load: open cases per assignee
create index cases_assignee_open on cases (assignee_id) where status <> 'RESOLVED';

-- A deleted user must never leave a row pointing at nothing: routing hands their open cases back first, and every
-- remaining reference (assignee, authors and actors in the history) is cleared by the database. References declared
-- without an action so far become "on delete set null" (nullable columns only).
do $$
declare
    fk record;
begin
    for fk in
        select c.conname, c.conrelid::regclass as tbl, a.attname as col
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and c.confrelid = 'users'::regclass and c.confdeltype = 'a'
          and array_length(c.conkey, 1) = 1 and not a.attnotnull
    loop
        execute format('alter table %s drop constraint %I', fk.tbl, fk.conname);
        execute format('alter table %s add constraint %I foreign key (%I) references users (id) on delete set null',
                       fk.tbl, fk.conname, fk.col);
    end loop;
end $$;
