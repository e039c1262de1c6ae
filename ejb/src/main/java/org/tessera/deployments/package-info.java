/**
 * Deployments: a project's command served to colleagues and machines at {@code /apps/{path}/},
 * behind Tessera's authenticating proxy, in one or more versions that share its traffic.
 */
package org.tessera.deployments;
