package nl.luister.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on 127.0.0.1 for connector tests: serves fixture bytes or custom handlers per path and
 * remembers the request headers it saw. Start with {@link #start()}, close after the test.
 */
public final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

	private final Map<String, List<Headers>> requests = new ConcurrentHashMap<>();

	private FeedServer(HttpServer server) {
		this.server = server;
	}

	public static FeedServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FeedServer feeds = new FeedServer(server);
			server.createContext("/", feeds::dispatch);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return feeds;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The full http://127.0.0.1:port/path address of {@code path}. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Serves {@code body} with status 200 and, when {@code etag} is given, answers 304 to a matching If-None-Match. */
	public void serve(String path, byte[] body, String contentType, String etag) {
		handle(path, exchange -> {
			String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
			if (etag != null) {
				exchange.getResponseHeaders().set("ETag", etag);
				exchange.getResponseHeaders().set("Last-Modified", "Mon, 02 Jun 2025 10:00:00 GMT");
			}
			if (etag != null && etag.equals(sent)) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
	}

	public void serve(String path, byte[] body, String contentType) {
		serve(path, body, contentType, null);
	}

	/** Serves a file from the test classpath, e.g. {@code feeds/koeriersnel-rss2.xml}. */
	public void serveResource(String path, String resource, String contentType) {
		serve(path, resource(resource), contentType);
	}

	public void status(String path, int status) {
		handle(path, exchange -> exchange.sendResponseHeaders(status, -1));
	}

	public void redirect(String path, String location) {
		handle(path, exchange -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(302, -1);
		});
	}

	public void handle(String path, HttpHandler handler) {
		this.handlers.put(path, handler);
	}

	/** The request headers of every request to {@code path}, oldest first. */
	public List<Headers> requests(String path) {
		return List.copyOf(this.requests.getOrDefault(path, List.of()));
	}

	public static byte[] resource(String name) {
		try (InputStream in = FeedServer.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) throw new IllegalArgumentException("no test resource " + name);
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void dispatch(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			this.requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(exchange.getRequestHeaders());
			HttpHandler handler = this.handlers.get(path);
			if (handler == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			handler.handle(exchange);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}
}
