/** Downloading stored mail attachments. */
package nl.luister.channel.mail.web;
