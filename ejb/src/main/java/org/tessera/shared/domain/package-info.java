/**
 * Building blocks every context's domain uses: the base of domain exceptions and small value types. No JPA or EJB here beyond annotations.
 */
package org.tessera.shared.domain;
