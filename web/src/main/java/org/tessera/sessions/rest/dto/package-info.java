/** Request and response bodies of the sessions API. */
package org.tessera.sessions.rest.dto;
