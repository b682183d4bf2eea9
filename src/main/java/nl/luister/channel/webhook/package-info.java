/**
 * Webhook sources: {@code POST /hooks/{sourceKey}} signed as Standard Webhooks, replays ignored, the posted JSON
 * mapped to a mention by per-source JSON pointers, so review platforms, app-store exports, contact forms and chat
 * tools feed Luister without code.
 */
package nl.luister.channel.webhook;
