/** Knows the customer: the person behind every account, their history and influence. */
package nl.luister.customer;
