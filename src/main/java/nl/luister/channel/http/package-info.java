/** HTTP for connectors: fetching addresses that users typed in without exposing the server's own network. */
package nl.luister.channel.http;
