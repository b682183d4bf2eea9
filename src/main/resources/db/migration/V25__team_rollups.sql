-- Webcare figures per team (the team of the case): replies sent and cases resolved per day, recounted with the other
-- case rollups. team '' = cases without a team.
create table rollup_team_day (
    day       date not null,
    team      text not null,
    replies   integer not null default 0,
    resolved  integer not null default 0,
    primary key (day, team)
);
