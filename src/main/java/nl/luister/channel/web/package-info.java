/** The sources page: health of every source, test connection, add and change sources; and the JSON API. */
package nl.luister.channel.web;
