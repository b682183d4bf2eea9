/**
 * The Mastodon connector: mentions and direct messages of the brand's account (addressed), hashtag and
 * keyword timelines (overheard), and replies posted back through the instance's REST API.
 */
package nl.luister.channel.mastodon;
