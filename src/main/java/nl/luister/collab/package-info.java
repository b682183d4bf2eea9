/** Working a case together: who else is viewing or typing, replies that would cross a colleague's, internal notes that mention colleagues, and cases forwarded by signed link. */
package nl.luister.collab;
