/** The admin pages for users. */
package nl.luister.account.web;
