/**
 * Alerts: spikes and early warnings raised by the analytics, shown in-app until acknowledged and delivered by e-mail
 * and webhook (retried with back-off, held through a topic's quiet hours unless severity is 8 or more).
 */
package nl.luister.alert;
