-- Messages addressed to the organisation (support mail, mentions of and DMs to an owned account, reviews of
-- its own listing) reach cases without a topic; overheard ones only when a topic matches.
alter table mentions add column addressed boolean not null default false;

-- A source that can send replies is an account the organisation owns: webcare accounts answer customers,
-- marketing accounts never do.
alter table sources add column account_role text check (account_role in ('WEBCARE', 'MARKETING'));
