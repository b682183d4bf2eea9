package nl.luister.channel.rss;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML of feed titles and bodies into plain text: only text nodes survive, so scripts, styles,
 * attributes (event handlers, {@code javascript:} links) and tags are dropped. Block elements and
 * {@code <br>} become line breaks and paragraphs a blank line, so a reply reads like the original.
 * Stateless and thread-safe; {@code null} becomes the empty string.
 */
public final class HtmlText {

	private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
			"dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
			"nav", "ol", "p", "pre", "section", "table", "tr", "ul");

	private static final Set<String> PARAGRAPHS = Set.of("p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
			"table", "ul", "ol");

	private static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template", "iframe", "object",
			"embed", "svg", "math", "head", "title");

	private HtmlText() {
	}

	public static String toPlainText(String html) {
		if (html == null || html.isBlank()) return "";
		Element body = Jsoup.parseBodyFragment(html).body();
		body.select(String.join(",", INVISIBLE)).remove();
		StringBuilder out = new StringBuilder(html.length());
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					boolean preformatted = node.parent() instanceof Element parent && parent.closest("pre") != null;
					out.append(preformatted ? text.getWholeText() : text.text());
				}
				else if (node instanceof Element element) {
					String tag = element.normalName();
					if (tag.equals("br")) out.append('\n');
					else if (PARAGRAPHS.contains(tag)) breakLine(out, 2);
					else if (BLOCKS.contains(tag)) breakLine(out, 1);
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element) {
					String tag = element.normalName();
					if (PARAGRAPHS.contains(tag)) breakLine(out, 2);
					else if (BLOCKS.contains(tag)) breakLine(out, 1);
				}
			}
		}, body);
		return tidy(out.toString());
	}

	/** Ends the text so far with at least {@code newlines} line breaks, so nested blocks do not add up. */
	private static void breakLine(StringBuilder out, int newlines) {
		if (out.isEmpty()) return;
		int present = 0;
		for (int i = out.length() - 1; i >= 0 && present < newlines; i--) {
			char c = out.charAt(i);
			if (c == '\n') present++;
			else if (c != ' ' && c != '\t') break;
		}
		out.append("\n".repeat(newlines - present));
	}

	/** Collapses runs of spaces, trims every line and keeps at most one blank line in a row. */
	private static String tidy(String text) {
		String[] lines = text.replace('\u00A0', ' ').split("\n", -1);
		StringBuilder out = new StringBuilder(text.length());
		int blank = 0;
		for (String line : lines) {
			String trimmed = line.replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
			if (trimmed.isEmpty()) {
				blank++;
				continue;
			}
			if (!out.isEmpty()) out.append(blank > 0 ? "\n\n" : "\n");
			out.append(trimmed);
			blank = 0;
		}
		return out.toString();
	}
}
