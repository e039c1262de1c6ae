/** Request and response records of the projects REST resources. */
package org.tessera.projects.rest.dto;
