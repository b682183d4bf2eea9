/** The rules pages for team leads (list, order, form, try) and {@code /api/rules}. */
package nl.luister.rules.web;
