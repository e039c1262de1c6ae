/**
 * The shared client layer every verb uses: the YAML config and the 0600 credentials file under
 * {@code $TESSERA_CONFIG_DIR}, the OpenID Connect client that signs in against the site's Keycloak
 * and refreshes tokens, the Tessera REST client that sends them, and the exceptions that carry a
 * user-facing message and an exit code. Nothing here prints; the verbs in {@code org.tessera.cli} do.
 */
package org.tessera.cli.client;
