/**
 * Recording audit events (any caller) and reading them back with filters (administrators only).
 */
package org.tessera.audit.application;
