/** Request and response bodies of the channels API. */
package org.tessera.channels.rest.dto;
