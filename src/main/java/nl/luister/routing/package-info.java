/** Routes cases to teams by skills and to available agents by load, and keeps the team queues moving. */
package nl.luister.routing;
