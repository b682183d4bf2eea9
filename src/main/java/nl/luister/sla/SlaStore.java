package nl.luister.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.luister.channel.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of calendars, holidays and policies. */
@Repository
class SlaStore {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	SlaStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** How opening hours are stored in {@code sla_calendars.hours}. */
	record StoredOpening(String day, String from, String to) {
	}

	List<BusinessCalendar> calendars() {
		Map<Long, List<Holiday>> holidays = new HashMap<>();
		jdbc.sql("select id, calendar_id, day, name, yearly from sla_holidays order by day, id")
			.query(rs -> {
				holidays.computeIfAbsent(rs.getLong("calendar_id"), k -> new ArrayList<>())
					.add(new Holiday(rs.getLong("id"), rs.getDate("day").toLocalDate(), rs.getString("name"), rs.getBoolean("yearly")));
			});
		return jdbc.sql("select id, name, zone, always_open, hours::text as hours from sla_calendars order by name, id")
			.query((rs, row) -> calendar(rs, holidays.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private BusinessCalendar calendar(ResultSet rs, List<Holiday> holidays) throws SQLException {
		List<StoredOpening> stored = json.readValue(rs.getString("hours"), new TypeReference<List<StoredOpening>>() {
		});
		List<Opening> hours = stored.stream().map(o -> Opening.of(DayOfWeek.valueOf(o.day()), o.from(), o.to())).toList();
		return new BusinessCalendar(rs.getLong("id"), rs.getString("name"), rs.getString("zone"), rs.getBoolean("always_open"), hours, holidays);
	}

	private String hours(BusinessCalendar c) {
		return json.writeValueAsString(c.alwaysOpen() ? List.of()
				: c.hours().stream().map(o -> new StoredOpening(o.day().name(), o.fromText(), o.toText())).toList());
	}

	long insertCalendar(BusinessCalendar c) {
		return jdbc.sql("insert into sla_calendars (name, zone, always_open, hours) values (?, ?, ?, ?::jsonb) returning id")
			.params(c.name(), c.zone().getId(), c.alwaysOpen(), hours(c))
			.query(Long.class)
			.single();
	}

	boolean updateCalendar(long id, BusinessCalendar c) {
		return jdbc.sql("update sla_calendars set name = ?, zone = ?, always_open = ?, hours = ?::jsonb, updated_at = now() where id = ?")
			.params(c.name(), c.zone().getId(), c.alwaysOpen(), hours(c), id)
			.update() == 1;
	}

	boolean calendarNameTaken(String name, Long exceptId) {
		return jdbc.sql("select exists (select 1 from sla_calendars where lower(name) = lower(?) and id is distinct from ?)")
			.params(name, exceptId)
			.query(Boolean.class)
			.single();
	}

	List<String> policiesUsing(long calendarId) {
		return jdbc.sql("select name from sla_policies where calendar_id = ? order by position, id").param(calendarId).query(String.class).list();
	}

	boolean deleteCalendar(long id) {
		return jdbc.sql("delete from sla_calendars where id = ?").param(id).update() == 1;
	}

	long insertHoliday(long calendarId, Holiday h) {
		return jdbc.sql("""
				insert into sla_holidays (calendar_id, day, name, yearly) values (?, ?, ?, ?)
				on conflict (calendar_id, day) do update set name = excluded.name, yearly = excluded.yearly returning id""")
			.params(calendarId, java.sql.Date.valueOf(h.day()), h.name(), h.yearly())
			.query(Long.class)
			.single();
	}

	boolean deleteHoliday(long calendarId, long holidayId) {
		return jdbc.sql("delete from sla_holidays where id = ? and calendar_id = ?").params(holidayId, calendarId).update() == 1;
	}

	void touchCalendar(long id) {
		jdbc.sql("update sla_calendars set updated_at = now() where id = ?").param(id).update();
	}

	/** Each team with its own calendar, if any, by name. */
	List<TeamCalendar> teamCalendars() {
		return jdbc.sql("select id, name, calendar_id from teams order by lower(name), id")
			.query((rs, n) -> new TeamCalendar(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class)))
			.list();
	}

	/** Sets a team's own calendar ({@code null}: the policy's calendar); false when there is no such team. */
	boolean setTeamCalendar(long teamId, Long calendarId) {
		return jdbc.sql("update teams set calendar_id = ? where id = ?").params(calendarId, teamId).update() == 1;
	}

	List<SlaPolicy> policies() {
		return jdbc.sql("""
				select id, name, channel, severity, position, calendar_id, first_response_min, next_response_min, resolution_min, escalate
				from sla_policies order by position, id""")
			.query(SlaStore::policy)
			.list();
	}

	Optional<SlaPolicy> policy(long id) {
		return jdbc.sql("""
				select id, name, channel, severity, position, calendar_id, first_response_min, next_response_min, resolution_min, escalate
				from sla_policies where id = ?""")
			.param(id)
			.query(SlaStore::policy)
			.optional();
	}

	long insertPolicy(SlaPolicy p) {
		return jdbc.sql("""
				insert into sla_policies (name, channel, severity, position, calendar_id, first_response_min, next_response_min, resolution_min, escalate)
				values (?, ?, ?, (select coalesce(max(position), 0) + 1 from sla_policies), ?, ?, ?, ?, ?) returning id""")
			.params(p.name(), p.channel() == null ? null : p.channel().key(), p.severity(), p.calendarId(), p.firstResponseMinutes(),
					p.nextResponseMinutes(), p.resolutionMinutes(), p.escalate())
			.query(Long.class)
			.single();
	}

	boolean updatePolicy(long id, SlaPolicy p) {
		return jdbc.sql("""
				update sla_policies set name = ?, channel = ?, severity = ?, calendar_id = ?, first_response_min = ?, next_response_min = ?,
				  resolution_min = ?, escalate = ?, updated_at = now() where id = ?""")
			.params(p.name(), p.channel() == null ? null : p.channel().key(), p.severity(), p.calendarId(), p.firstResponseMinutes(),
					p.nextResponseMinutes(), p.resolutionMinutes(), p.escalate(), id)
			.update() == 1;
	}

	boolean deletePolicy(long id) {
		return jdbc.sql("delete from sla_policies where id = ?").param(id).update() == 1;
	}

	void setPosition(long id, int position) {
		jdbc.sql("update sla_policies set position = ? where id = ?").params(position, id).update();
	}

	boolean calendarExists(long id) {
		return jdbc.sql("select exists (select 1 from sla_calendars where id = ?)").param(id).query(Boolean.class).single();
	}

	private static SlaPolicy policy(ResultSet rs, int row) throws SQLException {
		String channel = rs.getString("channel");
		return new SlaPolicy(rs.getLong("id"), rs.getString("name"), channel == null ? null : Channel.parse(channel),
				(Integer) nullable(rs, "severity"), rs.getInt("position"), rs.getLong("calendar_id"), (Integer) nullable(rs, "first_response_min"),
				(Integer) nullable(rs, "next_response_min"), (Integer) nullable(rs, "resolution_min"), rs.getBoolean("escalate"));
	}

	private static Object nullable(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}
}
