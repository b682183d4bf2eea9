-- The weekly report: per brand (or, brand_id null, the whole workspace) who receives it and when.
create table report_schedules (
    id              bigserial primary key,
    brand_id        bigint references brands (id) on delete cascade,
    enabled         boolean not null default true,
    weekday         smallint not null default 1 check (weekday between 1 and 7),
    hour            smallint not null default 8 check (hour between 0 and 23),
    zone            text not null default 'Europe/Amsterdam',
    recipients      text[] not null default '{}',
    locale          text not null default 'nl' check (locale in ('nl', 'en')),
    last_sent_week  date,
    last_error      text,
    updated_at      timestamptz not null default now()
);
create unique index report_schedules_brand on report_schedules (coalesce(brand_id, 0));
