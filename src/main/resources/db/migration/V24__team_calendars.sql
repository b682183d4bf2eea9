-- Business hours and holidays per team: a team's own calendar times the SLA clocks of its cases instead of the policy's.
alter table teams add column calendar_id bigint references sla_calendars (id) on delete set null;
