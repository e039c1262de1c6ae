package org.tessera.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks an identity provider's settings pass before anything reaches Keycloak. */
class IdentityProviderSettingsTest {

  /** A self-signed certificate (CN=idp.example.com), as an IdP's metadata carries it. */
  static final String CERT = "MIIDFTCCAf2gAwIBAgIUOkCZc9ZTUSE5UM2W6Xo6CC8rOW8wDQYJKoZIhvcNAQELBQAwGjEYMBYGA1UEAwwPaWRwLmV4YW1wbGUuY29tMB4XDTI2MTEyNTEwNDUyMloXDTM2MTEyMjEwNDUyMlowGjEYMBYGA1UEAwwPaWRwLmV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA58TyGOWwAuwm7ztg7pwvaGMY00QcgjH9D8di43d4FEXSV2uk/guYX29Mr5Kf+Z6kchGZELOeg/9/jzFs8p4CwYIRKa9mS89iYYKlmxMC8a77RhJEHTq/OtBxxC9tn3FceNo4g1WfPnquEXYOKNmM3/t9CCTaXcv/Njwi2BnBk4oEAvdRW/h2GHO8NQ6WOAWDU6/6JoTH8gZEqSg0ZQI1PpR6LnACXLkw/Bcbsp48wf+RibdLQ6sX3LzuaBQsGG6l1TbZXbGxDGgYYqcxBamVeb1M+yET17IIWA/yJnFrx/gpRNnLnHzTqNdSeR+JlxtEjVrlApVsymXGQBqa/5sP9wIDAQABo1MwUTAdBgNVHQ4EFgQUq4/Oo70negr0oy/3GaA5s6jr8AowHwYDVR0jBBgwFoAUq4/Oo70negr0oy/3GaA5s6jr8AowDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEAqPfNSPcdR7TX0Zn8w4Tsx+StKZo0hP6dvVxGhITUqR8pWcJc7ScrNRMF6F/xrrKVYIJKatj0DD9psGzvUMJOtrXoTDnLBFVkorhqwQnPgBpnvI6AHC2Z9Z5+272zxTs3CdEoZR4gHIk540NV0JmWjdmp7dMUh+tKqaknpA3Xyv1ZSsumB6QF4+gIXsgMSjGHNSat2Jlm/BVphlrqGnexcRZUH/BTxMN61MLzjI4vxwJsJ+N3Li0gcIWk/zNi3M2WDJSuph51TgRtCni3sFN1me5dGYSQ9+iYPUxHob+H7MJpvp/XgWMbzgLDlbmYmysKjbhLOXOgzfbAGGRCQLj3KQ==";

  static IdentityProviderSettings saml(String metadataUrl, String metadataXml, String ssoUrl, String certificate, List<IdentityProviderMapping> mappers) {
    return new IdentityProviderSettings("corp", "saml", null, null, metadataUrl, metadataXml, ssoUrl, null, certificate, null, null, null, null, null, null, null, null, null,
        null, null, null, mappers);
  }

  static IdentityProviderSettings oidc(String discoveryUrl, String clientId, String clientSecret) {
    return new IdentityProviderSettings("corp-oidc", "oidc", null, null, null, null, null, null, null, null, null, null, discoveryUrl, null, null, null, null, null,
        clientId, clientSecret, null, null);
  }

  static IdentityProviderSettings google(String alias, String clientSecret, List<IdentityProviderMapping> mappers) {
    return new IdentityProviderSettings(alias, "google", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        "1.apps.example", clientSecret, null, mappers);
  }

  static List<String> fields(Runnable action) {
    try {
      action.run();
    } catch (InvalidIdentityProviderException e) {
      return e.problems().stream().map(InvalidIdentityProviderException.FieldProblem::field).toList();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void a_saml_provider_needs_metadata_or_its_sso_url_and_signing_certificate() {
    assertThat(fields(() -> saml(null, null, null, null, null).completed(true))).containsExactly("ssoUrl");
    assertThat(fields(() -> saml(null, null, "https://idp.example.com/sso", null, null).completed(true))).containsExactly("signingCertificate");
    assertThat(saml("https://idp.example.com/metadata", null, null, null, null).completed(true).enabled()).isTrue();
    assertThat(saml(null, null, null, null, null).completed(false).alias()).as("an update keeps the stored source").isEqualTo("corp");
  }

  @Test
  void a_pem_certificate_is_stored_as_its_base64_body_and_garbage_is_refused() {
    String pem = "-----BEGIN CERTIFICATE-----\n" + CERT.replaceAll("(.{64})", "$1\n") + "\n-----END CERTIFICATE-----\n";
    assertThat(saml(null, null, "https://idp.example.com/sso", pem, null).completed(true).signingCertificate()).isEqualTo(CERT);
    assertThat(fields(() -> saml(null, null, "https://idp.example.com/sso", "not a certificate", null).completed(true))).containsExactly("signingCertificate");
  }

  @Test
  void pasted_metadata_must_be_an_identity_providers_saml_metadata() {
    String idp = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"><md:IDPSSODescriptor/></md:EntityDescriptor>";
    String sp = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"><md:SPSSODescriptor/></md:EntityDescriptor>";
    assertThat(saml(null, idp, null, null, null).completed(true).metadataXml()).isEqualTo(idp);
    assertThat(IdentityProviderSettings.metadataProblem(sp)).get().asString().contains("no IDPSSODescriptor");
    assertThat(IdentityProviderSettings.metadataProblem("<html><body/></html>")).get().asString().contains("not SAML 2.0 metadata");
    assertThat(IdentityProviderSettings.metadataProblem("not xml at all")).get().asString().contains("not well-formed");
    assertThat(IdentityProviderSettings.metadataProblem("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")).as("no DTDs, so no XXE").isPresent();
    assertThat(fields(() -> saml("https://idp.example.com/metadata", idp, null, null, null).completed(true))).containsExactly("metadataXml");
  }

  @Test
  void name_id_formats_have_short_names_and_an_unknown_one_is_refused() {
    IdentityProviderSettings s = new IdentityProviderSettings("corp", "saml", null, null, "https://idp/m", null, null, null, null, "email", "attribute", "mail", null, null,
        null, null, null, null, null, null, null, null).completed(true);
    assertThat(s.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
    assertThat(IdentityProviderSettings.nameIdFormatKey(s.nameIdFormat())).isEqualTo("email");
    assertThat(s.principalType()).isEqualTo("ATTRIBUTE");
    assertThat(fields(() -> new IdentityProviderSettings("corp", "saml", null, null, "https://idp/m", null, null, null, null, "x509", "ATTRIBUTE", null, null, null, null,
        null, null, null, null, null, null, null).completed(true))).containsExactly("nameIdFormat", "principalAttribute");
  }

  @Test
  void an_oidc_provider_needs_its_discovery_url_or_endpoints_and_its_client_when_added_only() {
    assertThat(fields(() -> oidc(null, null, null).completed(true))).containsExactly("authorizationUrl", "clientId", "clientSecret");
    assertThat(fields(() -> oidc("ftp://idp/.well-known/openid-configuration", "c", "s").completed(true))).containsExactly("discoveryUrl");
    assertThat(oidc("https://idp/.well-known/openid-configuration", "c", "s").completed(true).clientSecret()).isEqualTo("s");
    assertThat(oidc(null, null, "").completed(false).clientSecret()).as("an empty secret keeps the stored one").isNull();
  }

  @Test
  void the_google_preset_is_alias_google_and_takes_hardcoded_role_mappers_only() {
    assertThat(google(null, "s", null).completed(true).alias()).isEqualTo("google");
    assertThat(fields(() -> google("google", null, null).completed(true))).containsExactly("clientSecret");
    assertThat(fields(() -> google("google", "s", List.of(new IdentityProviderMapping("g", "attribute-to-role", "groups", "x", "ae-creator", null))).completed(true)))
        .containsExactly("mappers[0].type");
  }

  @Test
  void mappers_grant_tessera_roles_only_with_unique_names_and_known_types() {
    List<IdentityProviderMapping> mappers =
        List.of(
            new IdentityProviderMapping("staff", "attribute-to-role", "groups", "staff", "ae-creator", null),
            new IdentityProviderMapping("Staff", "hardcoded-role", null, null, "ae-wizard", null),
            new IdentityProviderMapping("mail", "attribute-to-profile", "mail", null, null, "phone"),
            new IdentityProviderMapping("regex", "regex-to-role", "groups", ".*", "ae-admin", null),
            new IdentityProviderMapping("half", "attribute-to-role", null, null, "ae-creator", null));
    assertThat(fields(() -> saml("https://idp/m", null, null, null, mappers).completed(true)))
        .containsExactly("mappers[1].name", "mappers[1].role", "mappers[2].userAttribute", "mappers[3].type", "mappers[4].attribute", "mappers[4].value");
  }

  @Test
  void alias_and_type_are_checked() {
    assertThat(fields(() -> google("Corp SSO!", "s", null).completed(true))).containsExactly("alias");
    assertThatThrownBy(() -> new IdentityProviderSettings("corp", "kerberos", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null).completed(true)).isInstanceOf(InvalidIdentityProviderException.class).hasMessageContaining("saml, oidc, google");
  }
}
