/** The search page over stored mentions, and the JSON API for mentions. */
package nl.luister.mention.web;
