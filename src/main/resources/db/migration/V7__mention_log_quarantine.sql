-- A log entry that cannot be processed (a poison message) is set aside with the reason instead of blocking
-- every entry behind it; it stays in the table for inspection and can be retried by clearing failed_at.
alter table mention_log add column failed_at timestamptz;
alter table mention_log add column error text;
create index mention_log_pending on mention_log (id) where failed_at is null;
