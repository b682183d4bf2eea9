/** Replies to customers: the outbox that hands them to the channel's sender, with their delivery state. */
package nl.luister.reply;
