/** Rules team leads write: conditions on a case and actions, run in order when a case is opened or updated, each run logged on the case. */
package nl.luister.rules;
