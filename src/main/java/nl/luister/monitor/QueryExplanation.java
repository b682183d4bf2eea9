package nl.luister.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Why a topic query matches a mention: the parts of the query that hold for it ({@code "pakket kwijt"~3},
 * {@code site:tweakers.net}) and the words of the mention they matched, as plain text segments to highlight.
 *
 * <p>The query is compiled again and run on a one-document in-memory index of the mention; the parts come from
 * running each positive clause (one not under {@code NOT}) on its own, the highlighted words from Lucene's Matches
 * API (positions in the text, mapped back to the characters of the original text). Segments are plain text: render
 * them with {@code th:text}, the text is the customer's and may hold anything.
 *
 * @param matched  whether the whole query matches
 * @param clauses  the positive parts of the query that match, written as the query language shows them
 * @param segments the title and text (a line break between them) cut into highlighted and plain segments
 */
public record QueryExplanation(boolean matched, List<String> clauses, List<Segment> segments) {

	/** A piece of the message text; {@code hit} when a word of the query matched it. */
	public record Segment(String text, boolean hit) {
	}

	/** At most this many characters of a text are explained (and shown). */
	static final int MAX_CHARS = 100_000;

	/**
	 * Explains the query for one mention.
	 *
	 * @throws QuerySyntaxError when the query does not parse
	 */
	public static QueryExplanation explain(String query, Stemming stemming, MatchDocument document) {
		Stemming s = stemming == null ? Stemming.NONE : stemming;
		QueryNode root = QueryParser.parse(query);
		String all = document.title() == null ? nullToEmpty(document.text()) : document.title() + "\n" + nullToEmpty(document.text());
		MatchDocument doc = document;
		if (all.length() > MAX_CHARS) {
			all = all.substring(0, MAX_CHARS);
			doc = new MatchDocument(null, all, document.authorHandle(), document.channel(), document.url(),
					document.sourceKey(), document.language(), document.followers());
		}
		MemoryIndex index = MentionAnalysis.memoryIndex(doc);
		IndexSearcher searcher = index.createSearcher();
		try {
			Query whole = LuceneQueries.compile(root, s);
			boolean matched = searcher.count(whole) > 0;
			List<String> clauses = new ArrayList<>();
			List<QueryNode> positive = new ArrayList<>();
			positives(root, positive);
			BitSet hits = new BitSet();
			for (QueryNode node : positive) {
				Query q = LuceneQueries.compile(node, s);
				if (searcher.count(q) > 0) {
					clauses.add(node.toString());
					positions(searcher, q, hits);
				}
			}
			return new QueryExplanation(matched, clauses, segments(all, hits));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			return new QueryExplanation(false, List.of(), List.of(new Segment(all, false)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The clauses that count toward a match: leaves and proximity groups not under a NOT. */
	private static void positives(QueryNode node, List<QueryNode> into) {
		switch (node) {
			case QueryNode.Not not -> {
			}
			case QueryNode.And and -> and.operands().forEach(o -> positives(o, into));
			case QueryNode.Or or -> or.operands().forEach(o -> positives(o, into));
			default -> into.add(node);
		}
	}

	/** Marks the word positions the query matched in the text fields. */
	private static void positions(IndexSearcher searcher, Query query, BitSet hits) throws IOException {
		Query rewritten = searcher.rewrite(query);
		Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1);
		LeafReaderContext leaf = searcher.getIndexReader().leaves().getFirst();
		Matches matches = weight.matches(leaf, 0);
		if (matches == null) return;
		for (String field : matches) {
			if (!field.startsWith(MentionAnalysis.TEXT) || field.startsWith(MentionAnalysis.PAIRS)) continue;
			MatchesIterator it = matches.getMatches(field);
			if (it == null) continue;
			while (it.next()) {
				MatchesIterator sub = it.getSubMatches();
				if (sub != null) {
					while (sub.next()) {
						if (sub.startPosition() >= 0) hits.set(sub.startPosition(), sub.endPosition() + 1);
					}
				}
				else if (it.startPosition() >= 0) {
					hits.set(it.startPosition(), it.endPosition() + 1);
				}
			}
		}
	}

	/** Cuts the text into segments: each word whose token position is hit becomes a highlighted segment. */
	static List<Segment> segments(String text, BitSet hits) {
		List<Segment> out = new ArrayList<>();
		int position = 0;
		int plainFrom = 0;
		int start = -1;
		for (int i = 0; i <= text.length();) {
			int cp = i < text.length() ? text.codePointAt(i) : ' ';
			boolean word = i < text.length() && TokenizedText.isWordChar(cp);
			if (word && start < 0) start = i;
			else if (!word && start >= 0) {
				int tokens = TokenizedText.tokenize(text.substring(start, i)).size();
				boolean hit = false;
				for (int t = 0; t < tokens; t++) hit |= hits.get(position + t);
				position += tokens;
				if (hit) {
					if (start > plainFrom) out.add(new Segment(text.substring(plainFrom, start), false));
					out.add(new Segment(text.substring(start, i), true));
					plainFrom = i;
				}
				start = -1;
			}
			i += i < text.length() ? Character.charCount(cp) : 1;
		}
		if (plainFrom < text.length()) out.add(new Segment(text.substring(plainFrom), false));
		return out;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
