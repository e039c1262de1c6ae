/** The audit trail page of the admin area. */
package org.tessera.audit.web;
