package nl.luister.channel.rss;

/** Runs the source contract against an Atom 1.0 feed on a loopback server. */
class AtomSourceContractTests extends RssSourceContractTests {

	@Override
	String fixture() {
		return "feeds/koeriersnel-atom.xml";
	}

	@Override
	String contentType() {
		return "application/atom+xml";
	}
}
