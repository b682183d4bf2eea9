/** What every page shares: layout, navigation, security, errors, language. */
package nl.luister.web;
