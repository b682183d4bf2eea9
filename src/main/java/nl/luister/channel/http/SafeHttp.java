package nl.luister.channel.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import nl.luister.channel.SourceUnavailable;

/**
 * Fetches a URL for a connector without letting a configured address reach into the server's own network.
 *
 * <p>Only {@code http} and {@code https} are allowed. Before every connection, including every redirect hop,
 * the host is resolved and refused when any of its addresses is loopback, any-local, private (10/8, 172.16/12,
 * 192.168/16), link-local (169.254/16, fe80::/10, which holds cloud metadata services), carrier-grade NAT
 * (100.64/10), unique-local (fc00::/7), multicast, reserved, or an IPv6 form that embeds one of those
 * (IPv4-mapped, IPv4-compatible, 6to4, NAT64), unless the instance was built to allow private addresses.
 * Redirects are followed by hand, at most {@value #MAX_REDIRECTS} of them. Bodies are read as a stream and
 * abandoned as soon as they exceed the size limit, so an endless response costs at most that much memory.
 *
 * <p>Limit: the host is resolved here and again by the JDK client when it connects, so a DNS server that
 * answers differently within that window (DNS rebinding) is not caught; the JDK client offers no hook to pin
 * the address without breaking TLS host checks.
 *
 * <p>Lifecycle and threading: one instance holds one {@link HttpClient}; it is thread-safe, meant to be shared,
 * and blocks only the calling thread, which may be virtual. {@link #close()} releases the client.
 *
 * <p>Errors: everything that keeps the body from being read (refused address, unknown host, refused
 * connection, timeout, an HTTP status other than 2xx or 304, a body over the limit) is a
 * {@link SourceUnavailable} whose message says what happened in plain words.
 */
public final class SafeHttp implements AutoCloseable {

	/** The default limit on a response body: 10 MB. */
	public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

	/** How many redirects one {@link #get} follows before giving up. */
	public static final int MAX_REDIRECTS = 5;

	private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final String USER_AGENT = "Luister/0.1 (open-source webcare; feed reader)";

	private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
			Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
			Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"),
			Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
			Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
			Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

	private final Predicate<InetAddress> addressAllowed;

	private final long maxBytes;

	private final Duration requestTimeout;

	private final HttpClient client;

	/** A client with a 10 MB body limit, a 10 s connect timeout and a 30 s timeout for the response headers. */
	public SafeHttp(boolean allowPrivateAddresses) {
		this(allowPrivateAddresses, DEFAULT_MAX_BYTES, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
	}

	/**
	 * @param allowPrivateAddresses whether loopback and private-network addresses may be fetched (tests, or an
	 *                              install that reads feeds from its own intranet)
	 * @param maxBytes              the largest body accepted, in bytes
	 * @param connectTimeout        how long to wait for a connection
	 * @param requestTimeout        how long to wait for the response headers once connected
	 */
	public SafeHttp(boolean allowPrivateAddresses, long maxBytes, Duration connectTimeout, Duration requestTimeout) {
		this(allowPrivateAddresses ? address -> true : address -> refusalReason(address) == null, maxBytes,
				connectTimeout, requestTimeout);
	}

	SafeHttp(Predicate<InetAddress> addressAllowed, long maxBytes, Duration connectTimeout, Duration requestTimeout) {
		if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
		this.addressAllowed = addressAllowed;
		this.maxBytes = maxBytes;
		this.requestTimeout = requestTimeout;
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	/**
	 * Fetches {@code url} with a GET, following redirects by hand and checking each hop.
	 *
	 * @param url          an absolute http or https URL
	 * @param etag         the ETag of the copy the caller has, sent as {@code If-None-Match}; may be {@code null}
	 * @param lastModified the Last-Modified of that copy, sent as {@code If-Modified-Since}; may be {@code null}
	 * @return the response: status 200-299 with the body, or 304 with an empty body
	 * @throws SourceUnavailable when the URL is not allowed or the body cannot be read
	 */
	public Response get(String url, String etag, String lastModified) {
		URI current = parse(url);
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			checkAllowed(current);
			HttpRequest.Builder request = HttpRequest.newBuilder(current)
				.GET()
				.timeout(this.requestTimeout)
				.header("User-Agent", USER_AGENT)
				.header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
			if (etag != null && !etag.isBlank()) request.header("If-None-Match", etag);
			if (lastModified != null && !lastModified.isBlank()) request.header("If-Modified-Since", lastModified);
			HttpResponse<InputStream> response = send(request.build(), current);
			int status = response.statusCode();
			if (isRedirect(status)) {
				closeQuietly(response.body());
				String location = response.headers().firstValue("Location").orElse(null);
				if (location == null || location.isBlank()) {
					throw new SourceUnavailable("the server answered " + describe(status) + " for " + current
							+ " but did not say where to go");
				}
				current = redirectTarget(current, location);
				continue;
			}
			String contentType = response.headers().firstValue("Content-Type").orElse(null);
			String newEtag = response.headers().firstValue("ETag").orElse(null);
			String newLastModified = response.headers().firstValue("Last-Modified").orElse(null);
			if (status == 304) {
				closeQuietly(response.body());
				return new Response(304, new byte[0], contentType, newEtag != null ? newEtag : etag,
						newLastModified != null ? newLastModified : lastModified, current);
			}
			if (status < 200 || status > 299) {
				closeQuietly(response.body());
				throw new SourceUnavailable("the server answered " + describe(status) + " for " + current);
			}
			byte[] body = readLimited(response, current);
			return new Response(status, body, contentType, newEtag, newLastModified, current);
		}
		throw new SourceUnavailable("gave up after " + MAX_REDIRECTS + " redirects starting at " + url);
	}

	/**
	 * Sends one API request (JSON over HTTP) with the same address checks as {@link #get}, and returns the answer
	 * whatever its status, so the caller can read error bodies and rate-limit headers. Redirects are not followed:
	 * an API that redirects is answered as it is (3xx).
	 *
	 * @param method  {@code GET} or {@code POST} (any method name the JDK accepts)
	 * @param url     an absolute http or https URL
	 * @param headers request headers, e.g. {@code Authorization}; may be empty, values must not be {@code null}
	 * @param body    the request body, or {@code null} for none
	 * @throws SourceUnavailable when the URL is not allowed, the server cannot be reached, or the body of the
	 *                           answer is larger than the limit
	 */
	public Answer send(String method, String url, Map<String, String> headers, byte[] body) {
		URI uri = parse(url);
		checkAllowed(uri);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
			.timeout(this.requestTimeout)
			.header("User-Agent", USER_AGENT)
			.header("Accept", "application/json");
		headers.forEach(request::header);
		HttpResponse<InputStream> response = send(request.build(), uri);
		byte[] answer = readLimited(response, uri);
		return new Answer(response.statusCode(), response.headers().map(), answer);
	}

	/** Releases the underlying HTTP client; requests in flight may fail. */
	@Override
	public void close() {
		this.client.close();
	}

	/**
	 * Why an address may not be fetched ("loopback", "private network", ...), or {@code null} when it is a
	 * public unicast address.
	 */
	static String refusalReason(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] b = address.getAddress();
			InetAddress embedded = embeddedIpv4(b);
			if (embedded != null) {
				String reason = refusalReason(embedded);
				return reason != null ? reason + " (inside an IPv6 address)" : null;
			}
			if ((b[0] & 0xFE) == 0xFC) return "unique-local address";
		}
		if (address.isLoopbackAddress()) return "loopback address";
		if (address.isAnyLocalAddress()) return "unspecified address";
		if (address.isLinkLocalAddress()) return "link-local address";
		if (address.isSiteLocalAddress()) return "private network address";
		if (address.isMulticastAddress()) return "multicast address";
		if (address instanceof Inet4Address) {
			byte[] b = address.getAddress();
			int first = b[0] & 0xFF;
			if (first == 100 && (b[1] & 0xC0) == 64) return "carrier-grade NAT address";
			if (first == 0) return "unspecified address";
			if (first >= 240) return "reserved address";
		}
		return null;
	}

	/** The IPv4 address inside an IPv4-mapped, IPv4-compatible, 6to4 or NAT64 IPv6 address, else {@code null}. */
	private static InetAddress embeddedIpv4(byte[] b) {
		try {
			boolean firstTenZero = true;
			for (int i = 0; i < 10; i++) firstTenZero &= b[i] == 0;
			boolean mapped = firstTenZero && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
			boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0;
			if (compatible && isAllZeroExceptLast(b)) return null; // :: and ::1 are handled as IPv6 themselves
			if (mapped || compatible) return InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] });
			if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
				return InetAddress.getByAddress(new byte[] { b[2], b[3], b[4], b[5] });
			}
			boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF
					&& (b[3] & 0xFF) == 0x9B;
			for (int i = 4; i < 12; i++) nat64 &= b[i] == 0;
			if (nat64) return InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] });
			return null;
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException("four bytes are always an IPv4 address", e);
		}
	}

	private static boolean isAllZeroExceptLast(byte[] b) {
		for (int i = 0; i < 15; i++) {
			if (b[i] != 0) return false;
		}
		return (b[15] & 0xFF) <= 1;
	}

	private static URI parse(String url) {
		if (url == null || url.isBlank()) throw new SourceUnavailable("no address was given");
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			throw new SourceUnavailable("'" + url + "' is not a valid address: " + e.getReason());
		}
		return checkScheme(uri, url);
	}

	private static URI checkScheme(URI uri, String original) {
		String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
		if (scheme == null) {
			throw new SourceUnavailable("'" + original + "' is not a full address; it should start with https://");
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new SourceUnavailable("refusing to fetch '" + original + "': only http and https addresses are allowed, not "
					+ scheme + ":");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new SourceUnavailable("'" + original + "' has no host name");
		}
		return uri;
	}

	private static URI redirectTarget(URI from, String location) {
		URI target;
		try {
			target = from.resolve(new URI(location.strip()));
		}
		catch (URISyntaxException | IllegalArgumentException e) {
			throw new SourceUnavailable(from + " redirects to '" + location + "', which is not a valid address");
		}
		try {
			return checkScheme(target, target.toString());
		}
		catch (SourceUnavailable e) {
			throw new SourceUnavailable(from + " redirects elsewhere and " + e.getMessage(), e);
		}
	}

	private void checkAllowed(URI uri) {
		String host = uri.getHost();
		if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException e) {
			throw new SourceUnavailable("could not find the server '" + host + "' (unknown host)", e);
		}
		for (InetAddress address : addresses) {
			if (!this.addressAllowed.test(address)) {
				String reason = refusalReason(address);
				throw new SourceUnavailable("refusing to connect to " + uri.getHost() + " (" + address.getHostAddress()
						+ (reason != null ? ", a " + reason : "")
						+ "): only public internet addresses may be fetched");
			}
		}
	}

	private HttpResponse<InputStream> send(HttpRequest request, URI uri) {
		String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpConnectTimeoutException e) {
			throw new SourceUnavailable("could not connect to " + where + ": no answer within "
					+ this.client.connectTimeout().map(Duration::toSeconds).orElse(0L) + " seconds", e);
		}
		catch (HttpTimeoutException e) {
			throw new SourceUnavailable(uri + " did not answer within " + this.requestTimeout.toSeconds() + " seconds", e);
		}
		catch (ConnectException e) {
			throw new SourceUnavailable("could not connect to " + where + ": connection refused", e);
		}
		catch (SSLException e) {
			throw new SourceUnavailable("could not set up a secure connection to " + where + ": " + e.getMessage(), e);
		}
		catch (IOException e) {
			if (rootCause(e) instanceof UnresolvedAddressException) {
				throw new SourceUnavailable("could not find the server '" + uri.getHost() + "' (unknown host)", e);
			}
			throw new SourceUnavailable("could not read " + uri + ": " + plain(e), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SourceUnavailable("interrupted while fetching " + uri, e);
		}
	}

	private byte[] readLimited(HttpResponse<InputStream> response, URI uri) {
		long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
		try (InputStream body = response.body()) {
			if (declared > this.maxBytes) throw tooLarge(uri);
			ByteArrayOutputStream out = new ByteArrayOutputStream(
					(int) Math.min(declared > 0 ? declared : 64 * 1024, this.maxBytes));
			byte[] buffer = new byte[16 * 1024];
			long total = 0;
			int n;
			while ((n = body.read(buffer)) != -1) {
				total += n;
				if (total > this.maxBytes) throw tooLarge(uri);
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new SourceUnavailable("the connection broke while reading " + uri + ": " + plain(e), e);
		}
	}

	private SourceUnavailable tooLarge(URI uri) {
		return new SourceUnavailable("feed is larger than " + megabytes(this.maxBytes) + " at " + uri
				+ "; Luister stopped reading it");
	}

	private static String megabytes(long bytes) {
		if (bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MB";
		return bytes + " bytes";
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static String describe(int status) {
		String reason = REASONS.get(status);
		return reason == null ? String.valueOf(status) : status + " " + reason;
	}

	private static String plain(Throwable e) {
		Throwable root = rootCause(e);
		String message = root.getMessage();
		return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
	}

	private static Throwable rootCause(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) root = root.getCause();
		return root;
	}

	private static void closeQuietly(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ignored) {
			// the response is being discarded anyway
		}
	}

	/**
	 * What a {@link SafeHttp#send} returned: any status, the headers and the (size-limited) body.
	 *
	 * @param status  the HTTP status
	 * @param headers the response headers, names in lower case
	 * @param body    the body, never {@code null}
	 */
	public record Answer(int status, Map<String, java.util.List<String>> headers, byte[] body) {

		/** The first value of the header {@code name} (case-insensitive), or {@code null}. */
		public String header(String name) {
			for (var entry : this.headers.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) return entry.getValue().getFirst();
			}
			return null;
		}

		public boolean ok() {
			return this.status >= 200 && this.status <= 299;
		}

		/** The status with its reason phrase where known, e.g. {@code 429 Too Many Requests}. */
		public String describeStatus() {
			return describe(this.status);
		}
	}

	/**
	 * What a {@link SafeHttp#get} returned.
	 *
	 * @param status       200-299, or 304 when the caller's copy is still current
	 * @param body         the body, empty for 304; never {@code null}
	 * @param contentType  the Content-Type header, or {@code null}
	 * @param etag         the ETag header (on 304, the one sent when the server did not repeat it), or {@code null}
	 * @param lastModified the Last-Modified header (same rule), or {@code null}
	 * @param finalUrl     the address that answered, after redirects
	 */
	public record Response(int status, byte[] body, String contentType, String etag, String lastModified, URI finalUrl) {

		/** Whether the server said the caller's copy is still current (HTTP 304). */
		public boolean notModified() {
			return this.status == 304;
		}
	}
}
