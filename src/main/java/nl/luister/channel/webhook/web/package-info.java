/** The public webhook endpoint {@code POST /hooks/{sourceKey}}, authenticated by the signature alone. */
package nl.luister.channel.webhook.web;
