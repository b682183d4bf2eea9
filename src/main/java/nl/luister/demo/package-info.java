/** Loads the demo workspace (a fictional Dutch parcel brand) when luister.demo=true. */
package nl.luister.demo;
