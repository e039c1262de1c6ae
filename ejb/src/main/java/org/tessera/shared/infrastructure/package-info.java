/**
 * Platform plumbing behind the application: the database schema, owned by versioned Flyway migrations that run before JPA is used.
 */
package org.tessera.shared.infrastructure;
