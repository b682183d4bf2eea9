/** Keeps noise out of the inbox: groups near-identical mentions so a copy-paste storm is one case, not thousands. */
package nl.luister.noise;
