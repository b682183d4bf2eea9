/**
 * The Bluesky connector (AT Protocol XRPC over HTTP): notifications of the brand's handle (addressed), post
 * search for topic terms (overheard), and replies as posts with a {@code reply} reference.
 */
package nl.luister.channel.bluesky;
