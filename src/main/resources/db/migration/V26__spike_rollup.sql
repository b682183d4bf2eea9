-- Mentions and negative mentions per topic and five minutes, kept by the pipeline with the other rollups: the spike
-- watch reads these (about 2,300 rows per topic for its eight days) instead of counting the mentions themselves, so a
-- topic with millions of mentions an hour costs it no more than a quiet one. Rows older than ten days are removed nightly.
create table rollup_5m (
    topic_id   bigint not null,
    bucket     timestamptz not null,
    mentions   integer not null,
    negative   integer not null,
    primary key (topic_id, bucket)
);
