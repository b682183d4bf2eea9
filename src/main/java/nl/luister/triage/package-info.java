/** Gives every case a severity with its reasons and a proportional recommended response, escalates repeat complaints and notifies team leads. */
package nl.luister.triage;
