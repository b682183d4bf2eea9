package nl.luister.channel.rss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import nl.luister.channel.FeedServer;
import nl.luister.channel.Source;
import nl.luister.channel.SourceContractTests;
import nl.luister.channel.http.SafeHttp;

/** Runs the source contract against an RSS 2.0 feed on a loopback server. */
class RssSourceContractTests extends SourceContractTests<RssSettings> {

	FeedServer server;

	SafeHttp http;

	@BeforeEach
	void start() {
		this.server = FeedServer.start();
		this.http = new SafeHttp(true);
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.server.close();
	}

	/** The fixture file; the one with new items has the same name ending in {@code -new.xml}. */
	String fixture() {
		return "feeds/koeriersnel-rss2.xml";
	}

	String contentType() {
		return "application/rss+xml; charset=utf-8";
	}

	@Override
	protected Source<RssSettings> source() {
		return new RssSource(this.http);
	}

	@Override
	protected RssSettings serveFixture() {
		this.server.serveResource("/feed", fixture(), contentType());
		return new RssSettings(this.server.url("/feed"));
	}

	@Override
	protected void addNewItems() {
		this.server.serveResource("/feed", fixture().replace(".xml", "-new.xml"), contentType());
	}

	@Override
	protected RssSettings unreachable() {
		return new RssSettings("http://127.0.0.1:" + closedPort() + "/feed");
	}

	@Override
	protected int goodItems() {
		return 3;
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
