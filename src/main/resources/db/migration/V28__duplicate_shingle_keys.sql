-- Near-duplicates, second pass: besides its SimHash, a group keeps a bottom-k sketch of its first mention's word
-- 3-shingles (to confirm a copy cut off at another length, with another headline or a changed word) and the hashes
-- of its numbers; it is also found by winnowed word 4-shingle keys (two texts sharing a passage share a key).
alter table duplicate_groups
    add column shingles   integer  not null default 0,     -- distinct 3-shingles of the sketched part (0: not sketched)
    add column sketch     integer[] not null default '{}', -- the smallest 32-bit shingle hashes, ascending (at most 64)
    add column number_set bigint[]  not null default '{}'; -- hashes of the distinct numbers, ascending (at most 16)

-- Only groups have keys (never their later members), and a look-up reads only the newest few groups per key (the
-- highest ids: a group's id is its first mention's), so a key that many texts share (an outlet's footer) stays cheap.
create table duplicate_keys (
    key      bigint not null,
    group_id bigint not null references duplicate_groups (id) on delete cascade,
    primary key (key, group_id)
);
create index duplicate_keys_group on duplicate_keys (group_id);
