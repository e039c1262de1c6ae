package org.tessera.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tessera.identity.domain.DirectoryProviderUnavailableException;
import org.tessera.identity.domain.IdentityBrokers;
import org.tessera.identity.domain.IdentityProvider;
import org.tessera.identity.domain.IdentityProviderAlreadyExistsException;
import org.tessera.identity.domain.IdentityProviderMapping;
import org.tessera.identity.domain.IdentityProviderNotFoundException;
import org.tessera.identity.domain.IdentityProviderSettings;
import org.tessera.identity.domain.IdentityProviderType;
import org.tessera.identity.domain.InvalidIdentityProviderException;

/**
 * Identity providers (brokers) of the realm and their mappers, through Keycloak's admin REST API
 * with the same service-account access as the directories ({@link KeycloakDirectories#callRaw}).
 * Metadata and discovery documents are read by Keycloak itself ({@code import-config}), so that
 * what it stores is what it parsed. Identity provider configs hold plain strings.
 */
@ApplicationScoped
public class KeycloakIdentityProviders implements IdentityBrokers {

  static final String INSTANCES = "/identity-provider/instances";
  /** What Keycloak answers instead of a client secret, and accepts back as "keep the stored one". */
  static final String MASKED = KeycloakDirectories.MASKED;
  /** Keycloak's built-in flow that creates the user (after a profile review if fields are missing). */
  static final String FIRST_LOGIN_FLOW = "first broker login";

  @Inject KeycloakDirectories keycloak;

  @Override
  public List<IdentityProvider> list() {
    List<IdentityProvider> providers = new ArrayList<>();
    for (JsonValue value : call("GET", INSTANCES, null).array()) {
      JsonObject rep = value.asJsonObject();
      if (IdentityProviderType.byKey(rep.getString("providerId", "")).isPresent()) {
        providers.add(toProvider(rep, mappers(rep.getString("alias"))));
      }
    }
    return providers;
  }

  @Override
  public Optional<IdentityProvider> find(String alias) {
    return representation(alias).map(rep -> toProvider(rep, mappers(alias)));
  }

  @Override
  public void create(IdentityProviderSettings s) {
    Map<String, String> config = imported(s);
    defaults(s.providerType()).forEach(config::putIfAbsent);
    overrides(s, config);
    JsonObjectBuilder rep =
        Json.createObjectBuilder()
            .add("alias", s.alias())
            .add("displayName", s.displayName() != null ? s.displayName() : s.providerType() == IdentityProviderType.GOOGLE ? "Google" : s.alias())
            .add("providerId", s.type())
            .add("enabled", s.enabled() == null || s.enabled())
            .add("trustEmail", false)
            .add("storeToken", false)
            .add("linkOnly", false)
            .add("firstBrokerLoginFlowAlias", FIRST_LOGIN_FLOW)
            .add("config", json(config));
    KeycloakDirectories.Reply created = keycloak.callRaw("POST", INSTANCES, rep.build());
    if (created.status() == 409) {
      throw new IdentityProviderAlreadyExistsException(s.alias());
    }
    orThrow(created, "provider");
    try {
      if (s.mappers() != null) {
        for (IdentityProviderMapping m : s.mappers()) {
          call("POST", INSTANCES + "/" + enc(s.alias()) + "/mappers", mapper(s.alias(), s.providerType(), m, null));
        }
      }
    } catch (RuntimeException e) {
      // All or nothing: a provider without its role mappers would let users in with the wrong roles.
      try {
        call("DELETE", INSTANCES + "/" + enc(s.alias()), null);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Override
  public void update(String alias, IdentityProviderSettings s) {
    JsonObject existing = representation(alias).orElseThrow(() -> new IdentityProviderNotFoundException(alias));
    Map<String, String> config = new LinkedHashMap<>(configOf(existing));
    config.putAll(imported(s));
    overrides(s, config);
    JsonObjectBuilder rep = Json.createObjectBuilder(existing).add("config", json(config));
    if (s.displayName() != null) {
      rep.add("displayName", s.displayName());
    }
    if (s.enabled() != null) {
      rep.add("enabled", s.enabled());
    }
    call("PUT", INSTANCES + "/" + enc(alias), rep.build());
    if (s.mappers() != null) {
      replaceMappers(alias, s.providerType(), s.mappers());
    }
  }

  @Override
  public void delete(String alias) {
    representation(alias).orElseThrow(() -> new IdentityProviderNotFoundException(alias));
    call("DELETE", INSTANCES + "/" + enc(alias), null);
  }

  // --- metadata --------------------------------------------------------------------------------

  /** What Keycloak reads from the metadata or discovery document the settings name; empty if none. */
  private Map<String, String> imported(IdentityProviderSettings s) {
    KeycloakDirectories.Reply reply;
    String field;
    String source;
    if (s.metadataXml() != null) {
      String boundary = "tessera-" + UUID.randomUUID();
      String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"providerId\"\r\n\r\nsaml\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"metadata.xml\"\r\nContent-Type: text/xml\r\n\r\n"
          + s.metadataXml() + "\r\n--" + boundary + "--\r\n";
      reply = keycloak.callRaw("POST", "/identity-provider/import-config", form, "multipart/form-data; boundary=" + boundary);
      field = "metadataXml";
      source = "the pasted metadata";
    } else if (s.metadataUrl() != null || s.discoveryUrl() != null) {
      field = s.metadataUrl() != null ? "metadataUrl" : "discoveryUrl";
      String url = s.metadataUrl() != null ? s.metadataUrl() : s.discoveryUrl();
      reply = keycloak.callRaw("POST", "/identity-provider/import-config", Json.createObjectBuilder().add("providerId", s.type()).add("fromUrl", url).build());
      source = url;
    } else {
      return new LinkedHashMap<>();
    }
    if (reply.status() == 401 || reply.status() == 403) {
      orThrow(reply, field);
    }
    if (!reply.ok()) {
      throw new InvalidIdentityProviderException(field, "Keycloak could not read " + (field.equals("discoveryUrl") ? "an OpenID Connect discovery document" : "SAML metadata") + " from " + source
          + " (" + reply.message() + "): check that " + (field.equals("metadataXml") ? "it is the IdP's complete metadata" : "the URL is right and reachable from Keycloak's host") + ", or give the fields instead.");
    }
    Map<String, String> config = new LinkedHashMap<>();
    reply.object().forEach((k, v) -> {
      if (v.getValueType() != JsonValue.ValueType.NULL) {
        config.put(k, text(v));
      }
    });
    if (config.isEmpty() || (s.providerType() == IdentityProviderType.SAML && !config.containsKey("singleSignOnServiceUrl"))) {
      throw new InvalidIdentityProviderException(field, "Keycloak found no single sign-on service in " + source + ": give the identity provider's metadata, or the fields ssoUrl, entityId and signingCertificate.");
    }
    return config;
  }

  /** Settings of a new provider that neither the metadata nor the administrator gave. */
  static Map<String, String> defaults(IdentityProviderType type) {
    Map<String, String> c = new LinkedHashMap<>();
    // Profile and role mappers apply at every sign-in, so that leaving an IdP group removes the role.
    c.put("syncMode", "FORCE");
    switch (type) {
      case SAML -> {
        c.put("postBindingResponse", "true");
        c.put("postBindingAuthnRequest", "true");
        c.put("postBindingLogout", "true");
        c.put("wantAuthnRequestsSigned", "false");
        c.put("principalType", "SUBJECT");
        c.put("nameIDPolicyFormat", IdentityProviderSettings.NAME_ID_FORMATS.get("persistent"));
        c.put("allowCreate", "true");
        c.put("signatureAlgorithm", "RSA_SHA256");
        c.put("xmlSigKeyInfoKeyNameTransformer", "KEY_ID");
      }
      case OIDC -> {
        c.put("clientAuthMethod", "client_secret_post");
        c.put("defaultScope", "openid profile email");
        c.put("pkceEnabled", "true");
        c.put("pkceMethod", "S256");
      }
      case GOOGLE -> c.put("defaultScope", "openid profile email");
    }
    return c;
  }

  /** The administrator's fields over {@code config}; a null field keeps what is there. */
  static void overrides(IdentityProviderSettings s, Map<String, String> config) {
    switch (s.providerType()) {
      case SAML -> {
        put(config, "singleSignOnServiceUrl", s.ssoUrl());
        put(config, "idpEntityId", s.entityId());
        put(config, "signingCertificate", s.signingCertificate());
        put(config, "nameIDPolicyFormat", s.nameIdFormat());
        put(config, "principalType", s.principalType());
        put(config, "principalAttribute", s.principalAttribute());
        // Tessera trusts only signed assertions: the certificate is required on creation.
        config.put("validateSignature", "true");
      }
      case OIDC -> {
        put(config, "authorizationUrl", s.authorizationUrl());
        put(config, "tokenUrl", s.tokenUrl());
        put(config, "userInfoUrl", s.userInfoUrl());
        put(config, "jwksUrl", s.jwksUrl());
        put(config, "issuer", s.issuer());
        if (config.get("jwksUrl") != null) {
          config.put("useJwksUrl", "true");
          config.put("validateSignature", "true");
        }
        client(s, config);
      }
      case GOOGLE -> client(s, config);
    }
  }

  private static void client(IdentityProviderSettings s, Map<String, String> config) {
    put(config, "clientId", s.clientId());
    put(config, "defaultScope", s.scopes());
    // Keycloak keeps the stored secret when it gets its own mask back.
    config.put("clientSecret", s.clientSecret() != null ? s.clientSecret() : config.getOrDefault("clientSecret", MASKED));
  }

  // --- mappers ---------------------------------------------------------------------------------

  private static final String SAML_ROLE = "saml-role-idp-mapper";
  private static final String OIDC_ROLE = "oidc-role-idp-mapper";
  private static final String HARDCODED_ROLE = "oidc-hardcoded-role-idp-mapper";
  private static final String SAML_PROFILE = "saml-user-attribute-idp-mapper";
  private static final String OIDC_PROFILE = "oidc-user-attribute-idp-mapper";

  /** Keycloak's mapper for a Tessera mapper of the provider type. */
  static JsonObject mapper(String alias, IdentityProviderType type, IdentityProviderMapping m, String id) {
    boolean saml = type == IdentityProviderType.SAML;
    Map<String, String> c = new LinkedHashMap<>();
    c.put("syncMode", "INHERIT");
    String kind =
        switch (m.type()) {
          case IdentityProviderMapping.ATTRIBUTE_TO_ROLE -> {
            c.put(saml ? "attribute.name" : "claim", m.attribute());
            c.put(saml ? "attribute.value" : "claim.value", m.value());
            c.put("role", m.role());
            yield saml ? SAML_ROLE : OIDC_ROLE;
          }
          case IdentityProviderMapping.HARDCODED_ROLE -> {
            c.put("role", m.role());
            yield HARDCODED_ROLE;
          }
          default -> {
            c.put(saml ? "attribute.name" : "claim", m.attribute());
            c.put("user.attribute", m.userAttribute());
            yield saml ? SAML_PROFILE : OIDC_PROFILE;
          }
        };
    JsonObjectBuilder b = Json.createObjectBuilder().add("name", m.name()).add("identityProviderAlias", alias).add("identityProviderMapper", kind).add("config", json(c));
    if (id != null) {
      b.add("id", id);
    }
    return b.build();
  }

  /** A Keycloak mapper as a Tessera mapper; other kinds keep their Keycloak type as {@code keycloak:TYPE}. */
  static IdentityProviderMapping toMapping(JsonObject rep) {
    Map<String, String> c = configOf(rep);
    String name = rep.getString("name", "");
    String kind = rep.getString("identityProviderMapper", "");
    String attribute = c.containsKey("attribute.name") ? c.get("attribute.name") : c.get("claim");
    return switch (kind) {
      case SAML_ROLE, OIDC_ROLE ->
          new IdentityProviderMapping(name, IdentityProviderMapping.ATTRIBUTE_TO_ROLE, attribute, c.containsKey("attribute.value") ? c.get("attribute.value") : c.get("claim.value"), c.get("role"), null);
      case HARDCODED_ROLE -> new IdentityProviderMapping(name, IdentityProviderMapping.HARDCODED_ROLE, null, null, c.get("role"), null);
      case SAML_PROFILE, OIDC_PROFILE ->
          IdentityProviderMapping.PROFILE_FIELDS.contains(c.get("user.attribute"))
              ? new IdentityProviderMapping(name, IdentityProviderMapping.ATTRIBUTE_TO_PROFILE, attribute, null, null, c.get("user.attribute"))
              : new IdentityProviderMapping(name, "keycloak:" + kind, attribute, null, null, c.get("user.attribute"));
      default -> new IdentityProviderMapping(name, "keycloak:" + kind, attribute, null, c.get("role"), null);
    };
  }

  private List<JsonObject> mapperReps(String alias) {
    return call("GET", INSTANCES + "/" + enc(alias) + "/mappers", null).array().stream().map(JsonValue::asJsonObject).toList();
  }

  private List<IdentityProviderMapping> mappers(String alias) {
    return mapperReps(alias).stream().map(KeycloakIdentityProviders::toMapping).toList();
  }

  /** Tessera's mappers become exactly {@code wanted} (changed in place by name); Keycloak-console mappers stay. */
  private void replaceMappers(String alias, IdentityProviderType type, List<IdentityProviderMapping> wanted) {
    Map<String, JsonObject> managed = new LinkedHashMap<>();
    for (JsonObject rep : mapperReps(alias)) {
      if (toMapping(rep).managed()) {
        managed.put(rep.getString("name", ""), rep);
      }
    }
    for (IdentityProviderMapping m : wanted) {
      JsonObject existing = managed.remove(m.name());
      if (existing == null) {
        call("POST", INSTANCES + "/" + enc(alias) + "/mappers", mapper(alias, type, m, null));
      } else {
        String id = existing.getString("id");
        call("PUT", INSTANCES + "/" + enc(alias) + "/mappers/" + enc(id), mapper(alias, type, m, id));
      }
    }
    for (JsonObject gone : managed.values()) {
      call("DELETE", INSTANCES + "/" + enc(alias) + "/mappers/" + enc(gone.getString("id")), null);
    }
  }

  // --- reading ---------------------------------------------------------------------------------

  private Optional<JsonObject> representation(String alias) {
    if (alias == null || !alias.matches("[A-Za-z0-9_.-]{1,64}")) {
      return Optional.empty();
    }
    KeycloakDirectories.Reply reply = keycloak.callRaw("GET", INSTANCES + "/" + enc(alias), (JsonObject) null);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    JsonObject rep = orThrow(reply, "alias").object();
    return IdentityProviderType.byKey(rep.getString("providerId", "")).isPresent() ? Optional.of(rep) : Optional.empty();
  }

  private IdentityProvider toProvider(JsonObject rep, List<IdentityProviderMapping> mappers) {
    Map<String, String> c = configOf(rep);
    String alias = rep.getString("alias");
    IdentityProviderType type = IdentityProviderType.byKey(rep.getString("providerId")).orElseThrow();
    boolean saml = type == IdentityProviderType.SAML;
    boolean oidc = type == IdentityProviderType.OIDC;
    IdentityProviderSettings settings =
        new IdentityProviderSettings(alias, type.key(), rep.getString("displayName", null), rep.getBoolean("enabled", true), null, null,
            saml ? c.get("singleSignOnServiceUrl") : null, saml ? c.get("idpEntityId") : null, saml ? c.get("signingCertificate") : null,
            saml && c.get("nameIDPolicyFormat") != null ? IdentityProviderSettings.nameIdFormatKey(c.get("nameIDPolicyFormat")) : null,
            saml ? c.get("principalType") : null, saml ? c.get("principalAttribute") : null, null,
            oidc ? c.get("authorizationUrl") : null, oidc ? c.get("tokenUrl") : null, oidc ? c.get("userInfoUrl") : null, oidc ? c.get("jwksUrl") : null,
            oidc ? c.get("issuer") : null, saml ? null : c.get("clientId"), null, saml ? null : c.get("defaultScope"), mappers);
    String redirectUri = keycloak.realmUrl() + "/broker/" + alias + "/endpoint";
    return new IdentityProvider(settings, redirectUri, saml ? Optional.ofNullable(c.get("entityId")).orElse(keycloak.realmUrl()) : null,
        saml ? redirectUri + "/descriptor" : null, !saml && c.get("clientSecret") != null && !c.get("clientSecret").isEmpty());
  }

  // --- HTTP and JSON ---------------------------------------------------------------------------

  private KeycloakDirectories.Reply call(String method, String path, JsonObject body) {
    return orThrow(keycloak.callRaw(method, path, body), "provider");
  }

  /** Keycloak's refusals as Tessera's: 400 names the field, 401/403 the service account's roles. */
  private static KeycloakDirectories.Reply orThrow(KeycloakDirectories.Reply reply, String field) {
    if (reply.ok()) {
      return reply;
    }
    if (reply.status() == 400) {
      throw new InvalidIdentityProviderException(field, "Keycloak refused the identity provider: " + reply.message() + ". Correct the settings and retry.");
    }
    if (reply.status() == 401 || reply.status() == 403) {
      throw new DirectoryProviderUnavailableException("Keycloak refused Tessera's service account tessera-service (HTTP " + reply.status()
          + "): it needs the realm-management roles manage-identity-providers and view-identity-providers (see realm-config/README.md).");
    }
    throw new DirectoryProviderUnavailableException("Keycloak answered HTTP " + reply.status() + " (" + reply.message() + "); check its log (./tessera logs keycloak) and retry.");
  }

  static Map<String, String> configOf(JsonObject rep) {
    Map<String, String> c = new LinkedHashMap<>();
    JsonObject config = rep.getJsonObject("config");
    if (config != null) {
      config.forEach((k, v) -> c.put(k, text(v)));
    }
    return c;
  }

  private static JsonObject json(Map<String, String> config) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    config.forEach((k, v) -> {
      if (v != null) {
        b.add(k, v);
      }
    });
    return b.build();
  }

  private static String text(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  private static void put(Map<String, String> config, String key, String value) {
    if (value != null) {
      config.put(key, value);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
