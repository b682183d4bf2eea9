/** The RSS 2.0 and Atom 1.0 connector: reads blog, news and forum feeds, including comment feeds. */
package nl.luister.channel.rss;
