/** The person pages, the person JSON API and the GDPR export and erasure endpoints. */
package nl.luister.customer.web;
