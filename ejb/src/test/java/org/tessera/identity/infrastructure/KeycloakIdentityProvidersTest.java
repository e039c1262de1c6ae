package org.tessera.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessera.identity.domain.IdentityProviderMapping;
import org.tessera.identity.domain.IdentityProviderSettings;
import org.tessera.identity.domain.IdentityProviderType;

/** How Tessera's identity provider settings and mappers become Keycloak's representations and back. */
class KeycloakIdentityProvidersTest {

  @Test
  void each_mapper_type_becomes_the_keycloak_mapper_of_the_provider_type_and_reads_back_the_same() {
    List<IdentityProviderMapping> mappers =
        List.of(
            new IdentityProviderMapping("staff", IdentityProviderMapping.ATTRIBUTE_TO_ROLE, "groups", "staff", "ae-creator", null),
            new IdentityProviderMapping("all", IdentityProviderMapping.HARDCODED_ROLE, null, null, "ae-uploader", null),
            new IdentityProviderMapping("mail", IdentityProviderMapping.ATTRIBUTE_TO_PROFILE, "mail", null, null, "email"));
    for (IdentityProviderType type : List.of(IdentityProviderType.SAML, IdentityProviderType.OIDC)) {
      for (IdentityProviderMapping m : mappers) {
        JsonObject rep = KeycloakIdentityProviders.mapper("corp", type, m, null);
        assertThat(rep.getString("identityProviderAlias")).isEqualTo("corp");
        assertThat(rep.getJsonObject("config").getString("syncMode")).as("the provider's FORCE applies").isEqualTo("INHERIT");
        assertThat(KeycloakIdentityProviders.toMapping(rep)).isEqualTo(m);
      }
    }
    assertThat(KeycloakIdentityProviders.mapper("corp", IdentityProviderType.SAML, mappers.get(0), null).getString("identityProviderMapper")).isEqualTo("saml-role-idp-mapper");
    assertThat(KeycloakIdentityProviders.mapper("corp", IdentityProviderType.OIDC, mappers.get(0), null).getJsonObject("config").getString("claim.value")).isEqualTo("staff");
  }

  @Test
  void mappers_made_in_keycloaks_console_keep_their_type_and_are_not_managed() {
    JsonObject rep = Json.createObjectBuilder().add("name", "template").add("identityProviderMapper", "saml-username-idp-mapper")
        .add("config", Json.createObjectBuilder().add("template", "${ALIAS}.${NAMEID}")).build();
    IdentityProviderMapping m = KeycloakIdentityProviders.toMapping(rep);
    assertThat(m.type()).isEqualTo("keycloak:saml-username-idp-mapper");
    assertThat(m.managed()).isFalse();
  }

  @Test
  void fields_override_what_the_metadata_said_and_signatures_are_always_checked() {
    Map<String, String> config = new LinkedHashMap<>(Map.of("singleSignOnServiceUrl", "https://idp/from-metadata", "validateSignature", "false",
        "nameIDPolicyFormat", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"));
    KeycloakIdentityProviders.defaults(IdentityProviderType.SAML).forEach(config::putIfAbsent);
    IdentityProviderSettings s = new IdentityProviderSettings("corp", "saml", null, null, "https://idp/m", null, null, null, null, "unspecified", null, null, null, null,
        null, null, null, null, null, null, null, null).completed(true);
    KeycloakIdentityProviders.overrides(s, config);
    assertThat(config).containsEntry("singleSignOnServiceUrl", "https://idp/from-metadata").containsEntry("validateSignature", "true")
        .containsEntry("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified").containsEntry("syncMode", "FORCE");
  }

  @Test
  void an_update_without_a_client_secret_sends_keycloaks_mask_back_so_that_it_keeps_the_stored_one() {
    Map<String, String> stored = new LinkedHashMap<>(Map.of("clientId", "old", "clientSecret", KeycloakIdentityProviders.MASKED));
    IdentityProviderSettings s = new IdentityProviderSettings("corp", "oidc", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, "new", null, null, null).completed(false);
    KeycloakIdentityProviders.overrides(s, stored);
    assertThat(stored).containsEntry("clientId", "new").containsEntry("clientSecret", KeycloakIdentityProviders.MASKED);
  }
}
