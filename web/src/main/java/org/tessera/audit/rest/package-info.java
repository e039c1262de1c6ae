/**
 * Reading the audit trail over REST (administrators).
 */
package org.tessera.audit.rest;
