/** Session pages and the authenticating reverse proxy at {@code /s/{id}/}. */
package org.tessera.sessions.web;
