/** The channels API under {@code /api/v1/channels}: thin adapters over the channel service. */
package org.tessera.channels.rest;
