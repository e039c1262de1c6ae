/** {@code /api/v1/sessions}, {@code /api/v1/projects/{id}/sessions} and resource profiles. */
package org.tessera.sessions.rest;
