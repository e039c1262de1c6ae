/** REST resources of projects under {@code /api/v1/projects}. */
package org.tessera.projects.rest;
