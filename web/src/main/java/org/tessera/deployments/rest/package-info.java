/** The deployments API under {@code /api/v1/deployments} and {@code /api/v1/projects/{id}/deployments}. */
package org.tessera.deployments.rest;
