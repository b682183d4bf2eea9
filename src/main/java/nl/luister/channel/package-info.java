/** Takes messages in from sources (the Source SPI and its runner) and will send replies out through them. */
package nl.luister.channel;
