/** Git over HTTP for projects ({@code /git/OWNER/NAME.git}), authenticated by personal access tokens. */
package org.tessera.projects.web;
