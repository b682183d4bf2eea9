-- Per-topic stemming: words of the query also match other forms of the word (Dutch or English snowball).
alter table topics add column stemming text not null default 'none'
    check (stemming in ('none', 'dutch', 'english'));
