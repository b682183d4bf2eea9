package nl.luister.routing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.luister.channel.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of routing: teams and members, agents' presence and capacity, and the batch queries routing decides on. */
@Repository
class RoutingStore {

	static final int DEFAULT_CAPACITY = 10;

	/** Key of the transaction-scoped advisory lock that makes routing decisions one at a time (pipeline and drains). */
	private static final long LOCK = 0x526f757465L;

	private static final String CANDIDATES = """
			with ids as (select distinct unnest(?::bigint[]) as id),
			c as (select c.id, c.channel, c.team_id, coalesce(c.severity, 0) as severity, c.escalated, c.opened_at, c.routing_state,
			             c.author_handle, tp.brand_id
			      from cases c join ids on ids.id = c.id left join topics tp on tp.id = c.topic_id
			      where c.assignee_id is null and c.status <> 'RESOLVED'),
			lang as (select distinct on (m.case_id) m.case_id, m.language from mentions m join c on c.id = m.case_id
			         where m.language is not null order by m.case_id, m.published_at desc, m.id desc),
			person as (select c.id as case_id, i.person_id from c
			           join identities i on i.channel = c.channel and lower(i.handle) = lower(c.author_handle)),
			theirs as (select p.case_id, c2.id as other, c2.assignee_id, c2.last_activity_at from person p
			           join identities i2 on i2.person_id = p.person_id
			           join cases c2 on c2.channel = i2.channel and lower(c2.author_handle) = lower(i2.handle)),
			helped as (select distinct on (h.case_id) h.case_id, h.user_id from (
			             select t.case_id, r.author_id as user_id, r.created_at as at from theirs t join replies r on r.case_id = t.other
			             where r.author_id is not null
			             union all
			             select t.case_id, t.assignee_id, t.last_activity_at from theirs t where t.assignee_id is not null) h
			           order by h.case_id, h.at desc)
			select c.id, c.channel, c.team_id, c.severity, c.escalated, c.opened_at, c.routing_state, c.brand_id, l.language,
			       h.user_id as last_agent
			from c left join lang l on l.case_id = c.id left join helped h on h.case_id = c.id""";

	private static final String ONLINE_AGENTS = """
			select u.id, coalesce(u.display_name, u.username) as name, a.capacity, a.last_assigned_at,
			       array_agg(tm.team_id) as teams,
			       (select count(*) from cases c where c.assignee_id = u.id and c.status <> 'RESOLVED') as open
			from agents a join users u on u.id = a.user_id join team_members tm on tm.user_id = u.id
			where a.presence = 'ONLINE' and u.enabled and u.id <> all(?::bigint[])
			group by u.id, a.user_id""";

	private final JdbcClient jdbc;

	RoutingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void lock() {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, row) -> 1).list();
	}

	boolean anyTeams() {
		return jdbc.sql("select exists (select 1 from teams)").query(Boolean.class).single();
	}

	List<Team> teams() {
		return jdbc.sql("""
				select t.id, t.name, t.languages, t.channels, t.brand_ids,
				       array(select m.user_id from team_members m where m.team_id = t.id order by m.user_id) as members
				from teams t order by t.id""")
			.query(RoutingStore::team)
			.list();
	}

	Optional<Team> team(long id) {
		return jdbc.sql("""
				select t.id, t.name, t.languages, t.channels, t.brand_ids,
				       array(select m.user_id from team_members m where m.team_id = t.id order by m.user_id) as members
				from teams t where t.id = ?""")
			.param(id)
			.query(RoutingStore::team)
			.optional();
	}

	/** Stores a new team (id 0) or replaces an existing one with its members; returns the id, empty when the name is taken. */
	Optional<Long> save(Team team) {
		String[] channels = team.channels().stream().map(Channel::key).sorted().toArray(String[]::new);
		String[] languages = team.languages().stream().sorted().toArray(String[]::new);
		long[] brands = team.brandIds().stream().mapToLong(Long::longValue).sorted().toArray();
		Optional<Long> id;
		if (team.id() == 0) {
			id = jdbc.sql("insert into teams (name, languages, channels, brand_ids) values (?, ?, ?, ?) on conflict (name) do nothing returning id")
				.params(team.name(), languages, channels, brands).query(Long.class).optional();
		}
		else {
			boolean taken = jdbc.sql("select exists (select 1 from teams where name = ? and id <> ?)").params(team.name(), team.id())
				.query(Boolean.class).single();
			if (taken) return Optional.empty();
			jdbc.sql("update teams set name = ?, languages = ?, channels = ?, brand_ids = ? where id = ?")
				.params(team.name(), languages, channels, brands, team.id()).update();
			id = Optional.of(team.id());
		}
		id.ifPresent(teamId -> {
			long[] members = team.memberIds().stream().mapToLong(Long::longValue).toArray();
			jdbc.sql("delete from team_members where team_id = ? and user_id <> all(?::bigint[])").params(teamId, members).update();
			jdbc.sql("""
					insert into team_members (team_id, user_id) select ?, u.id from users u where u.id = any(?::bigint[])
					on conflict do nothing""").params(teamId, members).update();
		});
		return id;
	}

	Map<Long, String> brands() {
		Map<Long, String> brands = new java.util.LinkedHashMap<>();
		jdbc.sql("select id, name from brands order by name, id").query((rs, row) -> brands.put(rs.getLong(1), rs.getString(2))).list();
		return brands;
	}

	Optional<Long> teamOf(long caseId) {
		return jdbc.sql("select team_id from cases where id = ? and team_id is not null").param(caseId).query(Long.class).optional();
	}

	boolean deleteTeam(long id) {
		return jdbc.sql("delete from teams where id = ?").param(id).update() == 1;
	}

	/** The unassigned, unresolved cases among these, with what routing needs to decide; assigned and resolved ones are left out. */
	List<Router.Candidate> candidates(Collection<Long> caseIds) {
		if (caseIds.isEmpty()) return List.of();
		return jdbc.sql(CANDIDATES)
			.param(caseIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, row) -> new Router.Candidate(rs.getLong("id"), Channel.parse(rs.getString("channel")), rs.getString("language"),
					nullableLong(rs, "brand_id"), nullableLong(rs, "team_id"), nullableLong(rs, "last_agent"), rs.getInt("severity"),
					rs.getBoolean("escalated"), instant(rs.getTimestamp("opened_at")), rs.getString("routing_state")))
			.list();
	}

	/** The online, enabled agents in at least one team with their load, except {@code excluded}, keyed by user id. */
	Map<Long, Router.Agent> onlineAgents(long[] excluded) {
		Map<Long, Router.Agent> agents = new HashMap<>();
		jdbc.sql(ONLINE_AGENTS).param(excluded).query((rs, row) -> agents.put(rs.getLong("id"), new Router.Agent(rs.getLong("id"),
				rs.getString("name"), Presence.ONLINE, rs.getInt("capacity"), rs.getInt("open"), instant(rs.getTimestamp("last_assigned_at")),
				longs(rs.getArray("teams"))))).list();
		return agents;
	}

	/** Stores each decision's team and state in one statement. */
	void saveDecisions(List<Router.Decision> decisions) {
		if (decisions.isEmpty()) return;
		int n = decisions.size();
		long[] ids = new long[n];
		Long[] teams = new Long[n];
		String[] states = new String[n];
		for (int i = 0; i < n; i++) {
			ids[i] = decisions.get(i).caseId();
			teams[i] = decisions.get(i).teamId();
			states[i] = decisions.get(i).state();
		}
		jdbc.sql("""
				update cases c set team_id = coalesce(t.team_id, c.team_id), routing_state = t.state
				from unnest(?::bigint[], ?::bigint[], ?::text[]) as t(id, team_id, state) where c.id = t.id""")
			.params(ids, teams, states).update();
	}

	/** Moves cases to a team's queue, taking them from whoever had them; returns case id → the previous assignee (or null). */
	Map<Long, Long> moveToTeam(long[] caseIds, long teamId) {
		Map<Long, Long> before = new HashMap<>();
		jdbc.sql("""
				with old as (select id, assignee_id from cases where id = any(?::bigint[]) for update)
				update cases c set team_id = ?, assignee_id = null, routing_state = null from old where c.id = old.id
				returning c.id, old.assignee_id""")
			.params(caseIds, teamId)
			.query((rs, row) -> before.put(rs.getLong(1), nullableLong(rs, "assignee_id")))
			.list();
		return before;
	}

	/** Sets the team of each case that has no assignee; returns the ids of those it set. */
	Set<Long> setTeamOfUnassigned(Map<Long, Long> teamByCase) {
		Set<Long> set = new LinkedHashSet<>();
		jdbc.sql("""
				update cases c set team_id = t.team_id from unnest(?::bigint[], ?::bigint[]) as t(id, team_id)
				where c.id = t.id and c.assignee_id is null and exists (select 1 from teams where id = t.team_id) returning c.id""")
			.params(teamByCase.keySet().stream().mapToLong(Long::longValue).toArray(),
					teamByCase.values().stream().mapToLong(Long::longValue).toArray())
			.query((rs, row) -> set.add(rs.getLong(1))).list();
		return set;
	}

	/** Remembers when these agents were last given a case (for "longest idle"). */
	void assigned(Collection<Long> userIds) {
		if (userIds.isEmpty()) return;
		jdbc.sql("""
				insert into agents (user_id, last_assigned_at) select u, now() from unnest(?::bigint[]) u
				on conflict (user_id) do update set last_assigned_at = now()""")
			.param(userIds.stream().mapToLong(Long::longValue).distinct().toArray()).update();
	}

	boolean anyQueued() {
		return jdbc.sql("select exists (select 1 from cases where team_id is not null and assignee_id is null and status <> 'RESOLVED')")
			.query(Boolean.class).single();
	}

	/** The most urgent waiting cases of these teams, at most {@code limit}. */
	List<Long> queued(long[] teamIds, int limit) {
		if (teamIds.length == 0 || limit <= 0) return List.of();
		return jdbc.sql("""
				select id from cases where team_id = any(?::bigint[]) and assignee_id is null and status <> 'RESOLVED'
				order by escalated desc, severity desc nulls last, opened_at, id limit ?""")
			.params(teamIds, limit).query(Long.class).list();
	}

	/** The cases waiting in a team's queue (for moving them on when the team is deleted). */
	List<Long> queueOf(long teamId) {
		return jdbc.sql("select id from cases where team_id = ? and assignee_id is null and status <> 'RESOLVED'").param(teamId)
			.query(Long.class).list();
	}

	/** How many cases wait in each team's queue. */
	Map<Long, Integer> queueSizes() {
		Map<Long, Integer> sizes = new HashMap<>();
		jdbc.sql("select team_id, count(*) from cases where team_id is not null and assignee_id is null and status <> 'RESOLVED' group by team_id")
			.query((rs, row) -> sizes.put(rs.getLong(1), rs.getInt(2))).list();
		return sizes;
	}

	/** Every enabled user as an agent: presence, capacity, open cases, teams; by name. */
	List<AgentStatus> agentStatuses() {
		return jdbc.sql("""
				select u.id, u.username, coalesce(u.display_name, u.username) as name, coalesce(a.presence, 'OFFLINE') as presence,
				       coalesce(a.capacity, ?) as capacity, a.last_assigned_at,
				       array(select m.team_id from team_members m where m.user_id = u.id order by m.team_id) as teams,
				       (select count(*) from cases c where c.assignee_id = u.id and c.status <> 'RESOLVED') as open
				from users u left join agents a on a.user_id = u.id where u.enabled order by lower(coalesce(u.display_name, u.username)), u.id""")
			.param(DEFAULT_CAPACITY)
			.query(RoutingStore::status)
			.list();
	}

	Optional<AgentStatus> agentStatus(long userId) {
		return jdbc.sql("""
				select u.id, u.username, coalesce(u.display_name, u.username) as name, coalesce(a.presence, 'OFFLINE') as presence,
				       coalesce(a.capacity, ?) as capacity, a.last_assigned_at,
				       array(select m.team_id from team_members m where m.user_id = u.id order by m.team_id) as teams,
				       (select count(*) from cases c where c.assignee_id = u.id and c.status <> 'RESOLVED') as open
				from users u left join agents a on a.user_id = u.id where u.id = ?""")
			.params(DEFAULT_CAPACITY, userId)
			.query(RoutingStore::status)
			.optional();
	}

	Presence presence(long userId) {
		return jdbc.sql("select presence from agents where user_id = ?").param(userId).query(String.class).optional()
			.map(Presence::valueOf).orElse(Presence.OFFLINE);
	}

	/** Sets the presence; returns the one before. */
	Presence setPresence(long userId, Presence presence) {
		Presence before = presence(userId);
		jdbc.sql("""
				insert into agents (user_id, presence, presence_at) values (?, ?, now())
				on conflict (user_id) do update set presence = excluded.presence, presence_at = now()""")
			.params(userId, presence.name()).update();
		return before;
	}

	void setCapacity(long userId, int capacity) {
		jdbc.sql("""
				insert into agents (user_id, capacity) values (?, ?)
				on conflict (user_id) do update set capacity = excluded.capacity""")
			.params(userId, capacity).update();
	}

	private static Team team(ResultSet rs, int row) throws SQLException {
		Set<Channel> channels = new LinkedHashSet<>();
		for (String c : strings(rs.getArray("channels"))) channels.add(Channel.parse(c));
		return new Team(rs.getLong("id"), rs.getString("name"), new LinkedHashSet<>(strings(rs.getArray("languages"))), channels,
				longs(rs.getArray("brand_ids")), new ArrayList<>(longs(rs.getArray("members"))));
	}

	private static AgentStatus status(ResultSet rs, int row) throws SQLException {
		return new AgentStatus(rs.getLong("id"), rs.getString("username"), rs.getString("name"), Presence.valueOf(rs.getString("presence")),
				rs.getInt("capacity"), rs.getInt("open"), instant(rs.getTimestamp("last_assigned_at")), List.copyOf(longs(rs.getArray("teams"))));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Set<Long> longs(Array array) throws SQLException {
		Set<Long> result = new LinkedHashSet<>();
		if (array != null) for (Object o : (Object[]) array.getArray()) if (o != null) result.add(((Number) o).longValue());
		return result;
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
