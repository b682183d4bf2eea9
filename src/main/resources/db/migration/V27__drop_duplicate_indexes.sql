-- Three indexes that repeat older ones column for column (every case insert and update paid for both):
-- cases_opened_at = cases_opened (V16), cases_resolved_at = cases_resolved (V16), and cases_author_lower, whose
-- columns lead cases_author_ci (V8, which serves the same look-ups by channel and lower-cased handle).
drop index if exists cases_opened_at;
drop index if exists cases_resolved_at;
drop index if exists cases_author_lower;
