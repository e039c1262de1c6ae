/** JSON bodies of the deployments API. */
package org.tessera.deployments.rest.dto;
