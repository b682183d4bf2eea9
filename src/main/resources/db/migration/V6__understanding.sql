-- What Luister understands of each message (language, sentiment, intents with their confidences), the case's
-- view of it (from its newest customer message) and the corrections agents make, kept as training examples.
alter table mentions add column language text;
alter table mentions add column sentiment text check (sentiment in ('NEGATIVE', 'NEUTRAL', 'POSITIVE'));
alter table mentions add column sentiment_confidence real;
alter table mentions add column complaint real;
alter table mentions add column question real;
alter table mentions add column praise real;
alter table mentions add column request real;

alter table cases add column sentiment text;
alter table cases add column complaint boolean not null default false;
alter table cases add column question boolean not null default false;
alter table cases add column praise boolean not null default false;
create index cases_sentiment on cases (sentiment) where status <> 'RESOLVED';

create table label_corrections (
    id          bigserial primary key,
    mention_id  bigint not null references mentions (id) on delete cascade,
    task        text not null check (task in ('sentiment', 'complaint', 'question', 'praise', 'request', 'language')),
    old_label   text,
    new_label   text not null,
    text        text not null,
    user_id     bigint references users (id),
    created_at  timestamptz not null default now()
);
create index label_corrections_task on label_corrections (task, created_at);
