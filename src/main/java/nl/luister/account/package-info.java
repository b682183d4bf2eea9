/** Users, roles and the first admin. */
package nl.luister.account;
