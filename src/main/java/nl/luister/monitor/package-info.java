/** Topics and their boolean queries, and the matcher that runs every mention against every topic. */
package nl.luister.monitor;
