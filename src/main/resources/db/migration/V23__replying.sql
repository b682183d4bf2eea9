-- Replying well: templates per brand and language, agents' signatures and trainee flag, and the approval queue.

-- A template's body holds variables such as {{customer.first_name}}; brand_id null means every brand.
create table reply_templates (
    id          bigserial primary key,
    brand_id    bigint references brands (id) on delete cascade,
    language    text not null check (language ~ '^[a-z]{2}$'),
    name        text not null check (length(name) between 1 and 100),
    keywords    text not null default '' check (length(keywords) <= 200),
    body        text not null check (length(body) between 1 and 5000),
    updated_by  bigint references users (id) on delete set null,
    updated_at  timestamptz not null default now()
);
create unique index reply_templates_name on reply_templates (coalesce(brand_id, 0), language, lower(name));

-- What replying needs to know of an agent: whether their replies wait for approval, and how they sign.
create table agent_reply_profiles (
    user_id    bigint primary key references users (id) on delete cascade,
    trainee    boolean not null default false,
    signature  text check (length(signature) <= 500),
    initials   text check (length(initials) <= 8)
);

-- A reply by a trainee (or on a case whose replies need approval) waits for a team lead: AWAITING_APPROVAL, and
-- RETURNED when sent back with a note; only QUEUED replies are ever delivered.
alter table replies drop constraint replies_state_check;
alter table replies add constraint replies_state_check
    check (state in ('QUEUED', 'SENT', 'FAILED', 'ANSWERED_ON_SITE', 'POSTED_OUTSIDE', 'CANCELLED', 'AWAITING_APPROVAL', 'RETURNED'));
alter table replies add column reviewed_by bigint references users (id) on delete set null;
alter table replies add column reviewed_at timestamptz;
alter table replies add column review_note text;
create index replies_awaiting on replies (created_at) where state = 'AWAITING_APPROVAL';
