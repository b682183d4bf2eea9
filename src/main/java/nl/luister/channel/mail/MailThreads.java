package nl.luister.channel.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What a reply mail needs to know about the thread it answers. */
interface MailThreads {

	/** The subject of a stored message, or {@code null}. */
	String subject(long sourceId, String externalId);

	/** The Message-IDs of a case's mail thread (messages and sent replies but {@code replyId}), oldest first, the last {@code limit}. */
	List<String> thread(long caseId, long sourceId, long replyId, int limit);

	/** Nothing known: replies get a generic subject and no References. */
	MailThreads NONE = new MailThreads() {
		@Override
		public String subject(long sourceId, String externalId) {
			return null;
		}

		@Override
		public List<String> thread(long caseId, long sourceId, long replyId, int limit) {
			return List.of();
		}
	};

	/** Reads the stored mentions and replies. */
	static MailThreads of(JdbcClient jdbc) {
		return new MailThreads() {
			@Override
			public String subject(long sourceId, String externalId) {
				return jdbc.sql("select title from mentions where source_id = ? and external_id = ?")
					.params(sourceId, externalId)
					.query(String.class)
					.optional()
					.orElse(null);
			}

			@Override
			public List<String> thread(long caseId, long sourceId, long replyId, int limit) {
				List<String> ids = new ArrayList<>(jdbc.sql("""
						select external_id from (
						  select external_id, published_at as at, id from mentions
						  where case_id = ? and source_id = ? and external_id like '<%>'
						  union all
						  select external_id, sent_at, id from replies
						  where case_id = ? and external_id like '<%>' and id <> ?
						) t order by at desc, id desc limit ?""")
					.params(caseId, sourceId, caseId, replyId, limit)
					.query(String.class)
					.list());
				Collections.reverse(ids);
				return ids;
			}
		};
	}
}
