/** Web endpoints around replies: the private-channel suggestion in the reply box. */
package nl.luister.reply.web;
