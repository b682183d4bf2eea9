/** The audit log: who did what to which subject, for every feature. */
package nl.luister.audit;
