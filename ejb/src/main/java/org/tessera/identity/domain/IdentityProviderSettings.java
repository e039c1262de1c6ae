package org.tessera.identity.domain;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * What an administrator sets for one identity provider that users may sign in through (SAML 2.0,
 * OpenID Connect, or the Google preset). Tessera stores none of it: it lives in Keycloak's realm,
 * and {@code clientSecret} is only ever sent, never read back.
 *
 * <p>A SAML provider comes from its metadata ({@code metadataUrl}, or the XML pasted as {@code
 * metadataXml}) or from the fields ({@code ssoUrl}, {@code entityId}, {@code signingCertificate}); an
 * OIDC provider from its discovery document ({@code discoveryUrl}) or the endpoint fields. Fields
 * given beside metadata override what the metadata says. {@link #completed} checks every field so
 * that nothing reaches Keycloak that it would half-accept.
 *
 * @param nameIdFormat {@code persistent}, {@code transient}, {@code email}, {@code unspecified}, {@code kerberos} or the full URN
 * @param principalType where the user name comes from: {@code SUBJECT} (the NameID), {@code ATTRIBUTE} or {@code FRIENDLY_ATTRIBUTE} (then {@code principalAttribute})
 * @param mappers null on an update keeps the provider's mappers; a list replaces Tessera's mappers by it
 */
public record IdentityProviderSettings(
    String alias,
    String type,
    String displayName,
    Boolean enabled,
    String metadataUrl,
    String metadataXml,
    String ssoUrl,
    String entityId,
    String signingCertificate,
    String nameIdFormat,
    String principalType,
    String principalAttribute,
    String discoveryUrl,
    String authorizationUrl,
    String tokenUrl,
    String userInfoUrl,
    String jwksUrl,
    String issuer,
    String clientId,
    String clientSecret,
    String scopes,
    List<IdentityProviderMapping> mappers) implements java.io.Serializable {

  /** NameID formats by their short names, as Keycloak stores them. */
  public static final Map<String, String> NAME_ID_FORMATS = nameIdFormats();
  public static final Set<String> PRINCIPAL_TYPES = Set.of("SUBJECT", "ATTRIBUTE", "FRIENDLY_ATTRIBUTE");
  private static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";

  private static Map<String, String> nameIdFormats() {
    Map<String, String> formats = new LinkedHashMap<>();
    formats.put("persistent", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
    formats.put("transient", "urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
    formats.put("email", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
    formats.put("unspecified", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
    formats.put("kerberos", "urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos");
    return java.util.Collections.unmodifiableMap(formats);
  }

  /** The short name of a NameID format URN, or the URN itself when it has none. */
  public static String nameIdFormatKey(String urn) {
    return NAME_ID_FORMATS.entrySet().stream().filter(e -> e.getValue().equals(urn)).map(Map.Entry::getKey).findFirst().orElse(urn);
  }

  public IdentityProviderType providerType() {
    return IdentityProviderType.byKey(type).orElseThrow();
  }

  /** These settings with another alias and, where none was given, the type (for an update of a stored provider). */
  public IdentityProviderSettings forProvider(String storedAlias, String storedType) {
    return new IdentityProviderSettings(storedAlias, blank(type) ? storedType : type, displayName, enabled, metadataUrl, metadataXml, ssoUrl, entityId, signingCertificate,
        nameIdFormat, principalType, principalAttribute, discoveryUrl, authorizationUrl, tokenUrl, userInfoUrl, jwksUrl, issuer, clientId, clientSecret, scopes, mappers);
  }

  /**
   * These settings trimmed, with defaults in empty fields where adding, and checked.
   *
   * @param creating whether the fields a new provider needs are required (an update keeps the stored ones)
   * @throws InvalidIdentityProviderException naming every field to fix
   */
  public IdentityProviderSettings completed(boolean creating) {
    List<InvalidIdentityProviderException.FieldProblem> problems = new ArrayList<>();
    IdentityProviderType kind = IdentityProviderType.byKey(type).orElse(null);
    if (kind == null) {
      problems.add(problem("type", blank(type) ? "A type is required: one of " + IdentityProviderType.keys() + "." : "Unknown type '" + type + "': use one of " + IdentityProviderType.keys() + "."));
      throw new InvalidIdentityProviderException(problems);
    }
    String theAlias = strip(alias) == null && kind == IdentityProviderType.GOOGLE ? "google" : strip(alias);
    if (theAlias == null) {
      problems.add(problem("alias", "An alias is required, e.g. \"corp-saml\": it names the provider in the redirect URI."));
    } else if (!theAlias.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
      problems.add(problem("alias", "Use at most 40 lowercase letters, digits, '-' or '_' in the alias, starting with a letter or digit; it becomes part of the redirect URI."));
    }
    String name = strip(displayName);
    if (name != null && name.length() > 100) {
      problems.add(problem("displayName", "The display name is shown on the login page: use at most 100 characters."));
    }
    String format = strip(nameIdFormat);
    if (format != null) {
      String urn = NAME_ID_FORMATS.get(format.toLowerCase(Locale.ROOT));
      if (urn == null && !NAME_ID_FORMATS.containsValue(format)) {
        problems.add(problem("nameIdFormat", "Unknown NameID format '" + format + "': use one of " + String.join(", ", NAME_ID_FORMATS.keySet()) + "."));
      }
      format = urn == null ? format : urn;
    }
    String principal = strip(principalType) == null ? null : principalType.strip().toUpperCase(Locale.ROOT);
    if (principal != null && !PRINCIPAL_TYPES.contains(principal)) {
      problems.add(problem("principalType", "principalType must be SUBJECT (the NameID), ATTRIBUTE or FRIENDLY_ATTRIBUTE, not '" + principalType + "'."));
    }
    String certificate = strip(signingCertificate);
    if (certificate != null) {
      Optional<String> der = certificateBody(certificate);
      if (der.isEmpty()) {
        problems.add(problem("signingCertificate", "signingCertificate is not an X.509 certificate: paste the IdP's -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block or its base64 body."));
      }
      certificate = der.orElse(null);
    }
    IdentityProviderSettings done =
        new IdentityProviderSettings(theAlias, kind.key(), name, enabled == null && creating ? Boolean.TRUE : enabled, strip(metadataUrl), strip(metadataXml), strip(ssoUrl),
            strip(entityId), certificate, format, principal, strip(principalAttribute), strip(discoveryUrl), strip(authorizationUrl), strip(tokenUrl), strip(userInfoUrl),
            strip(jwksUrl), strip(issuer), strip(clientId), clientSecret == null || clientSecret.isEmpty() ? null : clientSecret, strip(scopes),
            mappers == null ? null : mappers.stream().map(IdentityProviderSettings::trimmed).toList());
    switch (kind) {
      case SAML -> done.checkSaml(creating, problems);
      case OIDC -> done.checkOidc(creating, problems);
      case GOOGLE -> done.checkClient(creating, problems);
    }
    done.checkMappers(kind, problems);
    if (!problems.isEmpty()) {
      throw new InvalidIdentityProviderException(problems);
    }
    return done;
  }

  private void checkSaml(boolean creating, List<InvalidIdentityProviderException.FieldProblem> problems) {
    if (metadataUrl != null && metadataXml != null) {
      problems.add(problem("metadataXml", "Give the IdP's metadata either as metadataUrl or as metadataXml, not both."));
    }
    boolean badCertificate = problems.stream().anyMatch(p -> p.field().equals("signingCertificate"));
    if (creating && metadataUrl == null && metadataXml == null && (ssoUrl == null || signingCertificate == null) && !badCertificate) {
      problems.add(problem(ssoUrl == null ? "ssoUrl" : "signingCertificate",
          "A SAML provider needs its metadata (metadataUrl or metadataXml) or its SSO URL (ssoUrl) and signing certificate (signingCertificate), so that Tessera only trusts assertions it signed."));
    }
    checkUrl("metadataUrl", metadataUrl, problems);
    checkUrl("ssoUrl", ssoUrl, problems);
    if (metadataXml != null) {
      metadataProblem(metadataXml).ifPresent(message -> problems.add(problem("metadataXml", message)));
    }
    if (principalType != null && !principalType.equals("SUBJECT") && principalAttribute == null) {
      problems.add(problem("principalAttribute", "With principalType " + principalType + ", name the attribute that holds the user name in principalAttribute."));
    }
    if (entityId != null && entityId.length() > 1000) {
      problems.add(problem("entityId", "entityId is too long (at most 1000 characters)."));
    }
    for (String[] field : new String[][] {{"discoveryUrl", discoveryUrl}, {"clientId", clientId}, {"clientSecret", clientSecret}}) {
      if (field[1] != null) {
        problems.add(problem(field[0], field[0] + " is for OIDC and Google providers; a SAML provider is set by its metadata or ssoUrl, entityId and signingCertificate."));
      }
    }
  }

  private void checkOidc(boolean creating, List<InvalidIdentityProviderException.FieldProblem> problems) {
    checkUrl("discoveryUrl", discoveryUrl, problems);
    checkUrl("authorizationUrl", authorizationUrl, problems);
    checkUrl("tokenUrl", tokenUrl, problems);
    checkUrl("userInfoUrl", userInfoUrl, problems);
    checkUrl("jwksUrl", jwksUrl, problems);
    if (creating && discoveryUrl == null && (authorizationUrl == null || tokenUrl == null)) {
      problems.add(problem(authorizationUrl == null ? "authorizationUrl" : "tokenUrl",
          "An OIDC provider needs its discovery URL (discoveryUrl, ending in /.well-known/openid-configuration) or its authorizationUrl and tokenUrl."));
    }
    checkClient(creating, problems);
    for (String[] field : new String[][] {{"metadataUrl", metadataUrl}, {"metadataXml", metadataXml}, {"ssoUrl", ssoUrl}}) {
      if (field[1] != null) {
        problems.add(problem(field[0], field[0] + " is for SAML providers; an OIDC provider is set by discoveryUrl or its endpoint URLs."));
      }
    }
  }

  private void checkClient(boolean creating, List<InvalidIdentityProviderException.FieldProblem> problems) {
    if (creating && clientId == null) {
      problems.add(problem("clientId", "The client id the provider gave Tessera is required (clientId)."));
    }
    if (creating && clientSecret == null) {
      problems.add(problem("clientSecret", "The client secret the provider gave Tessera is required (clientSecret) when adding; it is stored in Keycloak only and never shown again."));
    }
  }

  private void checkMappers(IdentityProviderType kind, List<InvalidIdentityProviderException.FieldProblem> problems) {
    if (mappers == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < mappers.size(); i++) {
      IdentityProviderMapping m = mappers.get(i);
      String at = "mappers[" + i + "].";
      if (m == null) {
        problems.add(problem("mappers[" + i + "]", "Mapper " + (i + 1) + " is empty."));
        continue;
      }
      if (m.name() == null || !m.name().matches("[\\p{L}\\p{N} ._-]{1,64}")) {
        problems.add(problem(at + "name", "Mapper " + (i + 1) + " needs a name of at most 64 letters, digits, spaces, '.', '_' or '-'."));
      } else if (!names.add(m.name().toLowerCase(Locale.ROOT))) {
        problems.add(problem(at + "name", "Two mappers are named '" + m.name() + "': give each its own name."));
      }
      String what = kind == IdentityProviderType.SAML ? "SAML attribute" : "claim";
      if (kind == IdentityProviderType.GOOGLE && !IdentityProviderMapping.HARDCODED_ROLE.equals(m.type())) {
        problems.add(problem(at + "type", "Google sends no groups and fills the profile itself: a Google provider takes " + IdentityProviderMapping.HARDCODED_ROLE + " mappers only."));
        continue;
      }
      switch (m.type() == null ? "" : m.type()) {
        case IdentityProviderMapping.ATTRIBUTE_TO_ROLE -> {
          if (m.attribute() == null) {
            problems.add(problem(at + "attribute", "Mapper '" + m.name() + "' needs the " + what + " to look at (attribute), e.g. groups."));
          }
          if (m.value() == null) {
            problems.add(problem(at + "value", "Mapper '" + m.name() + "' needs the value the " + what + " must have (value), e.g. a group name."));
          }
          checkRole(at, m, problems);
        }
        case IdentityProviderMapping.HARDCODED_ROLE -> checkRole(at, m, problems);
        case IdentityProviderMapping.ATTRIBUTE_TO_PROFILE -> {
          if (m.attribute() == null) {
            problems.add(problem(at + "attribute", "Mapper '" + m.name() + "' needs the " + what + " to copy (attribute), e.g. email."));
          }
          if (!IdentityProviderMapping.PROFILE_FIELDS.contains(m.userAttribute())) {
            problems.add(problem(at + "userAttribute", "Mapper '" + m.name() + "' copies into one of " + IdentityProviderMapping.PROFILE_FIELDS + " (userAttribute), not '" + m.userAttribute() + "'."));
          }
        }
        default ->
            problems.add(problem(at + "type", "Mapper '" + m.name() + "' has type '" + m.type() + "': use " + IdentityProviderMapping.ATTRIBUTE_TO_ROLE + ", "
                + IdentityProviderMapping.HARDCODED_ROLE + " or " + IdentityProviderMapping.ATTRIBUTE_TO_PROFILE + "."));
      }
    }
  }

  private static void checkRole(String at, IdentityProviderMapping m, List<InvalidIdentityProviderException.FieldProblem> problems) {
    if (!Roles.isTesseraRole(m.role())) {
      problems.add(problem(at + "role", "Mapper '" + m.name() + "' must grant one of Tessera's roles " + Roles.ALL + ", not '" + m.role() + "'."));
    }
  }

  private static IdentityProviderMapping trimmed(IdentityProviderMapping m) {
    return m == null ? null : new IdentityProviderMapping(strip(m.name()), strip(m.type()), strip(m.attribute()), strip(m.value()), strip(m.role()), strip(m.userAttribute()));
  }

  private static void checkUrl(String field, String url, List<InvalidIdentityProviderException.FieldProblem> problems) {
    if (url == null) {
      return;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        problems.add(problem(field, field + " '" + url + "' must be an http:// or https:// URL with a host."));
      }
    } catch (URISyntaxException e) {
      problems.add(problem(field, field + " '" + url + "' is not a URL."));
    }
  }

  /** Why pasted XML is not the SAML metadata of an identity provider, if it is not. */
  static Optional<String> metadataProblem(String xml) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // Metadata never needs a DTD; refusing one closes XXE.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      document = builder.parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      return Optional.of("metadataXml is not well-formed XML (" + e.getMessage() + "): paste the whole metadata document of the identity provider.");
    }
    var root = document.getDocumentElement();
    if (!METADATA_NS.equals(root.getNamespaceURI()) || !(root.getLocalName().equals("EntityDescriptor") || root.getLocalName().equals("EntitiesDescriptor"))) {
      return Optional.of("metadataXml is XML but not SAML 2.0 metadata (its root is " + root.getNodeName() + ", not md:EntityDescriptor).");
    }
    if (document.getElementsByTagNameNS(METADATA_NS, "IDPSSODescriptor").getLength() == 0) {
      return Optional.of("metadataXml describes no identity provider (no IDPSSODescriptor): paste the IdP's metadata, not a service provider's.");
    }
    return Optional.empty();
  }

  /** The base64 body of one X.509 certificate given as PEM or bare base64, if it is one. */
  static Optional<String> certificateBody(String text) {
    String body = text.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s+", "");
    try {
      byte[] der = Base64.getDecoder().decode(body);
      CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
      return Optional.of(body);
    } catch (IllegalArgumentException | CertificateException e) {
      return Optional.empty();
    }
  }

  private static InvalidIdentityProviderException.FieldProblem problem(String field, String message) {
    return new InvalidIdentityProviderException.FieldProblem(field, message);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String strip(String value) {
    return blank(value) ? null : value.strip();
  }
}
