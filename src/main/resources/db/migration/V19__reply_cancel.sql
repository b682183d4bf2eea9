-- An agent may cancel a failed reply instead of retrying it: it stays in the thread as cancelled, never sent.
alter table replies drop constraint replies_state_check;
alter table replies add constraint replies_state_check
    check (state in ('QUEUED', 'SENT', 'FAILED', 'ANSWERED_ON_SITE', 'POSTED_OUTSIDE', 'CANCELLED'));
