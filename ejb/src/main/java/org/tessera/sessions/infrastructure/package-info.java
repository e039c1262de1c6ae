/** Session storage. */
package org.tessera.sessions.infrastructure;
