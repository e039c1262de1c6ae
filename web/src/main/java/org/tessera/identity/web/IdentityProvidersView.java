package org.tessera.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.tessera.identity.application.IdentityProviderService;
import org.tessera.identity.domain.IdentityProvider;
import org.tessera.identity.domain.IdentityProviderMapping;
import org.tessera.identity.domain.IdentityProviderSettings;
import org.tessera.identity.domain.IdentityProviderType;
import org.tessera.identity.domain.InvalidIdentityProviderException;
import org.tessera.identity.domain.Roles;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code admin/identity-providers.xhtml}: the realm's SAML, OIDC and Google
 * providers, and a form to add or edit one with its mappers. The service enforces {@code ae-admin}.
 */
@Named
@ViewScoped
public class IdentityProvidersView implements Serializable {

  @EJB IdentityProviderService providers;
  @Inject CurrentUser currentUser;

  private final List<IdentityProvider> rows = new ArrayList<>();
  private Form form = new Form();
  /** The alias of the provider the form edits; null while it adds one. */
  private String editing;

  @PostConstruct
  void load() {
    rows.clear();
    if (isAdmin()) {
      try {
        rows.addAll(providers.list());
      } catch (DomainException e) {
        error(e.getMessage());
      }
    }
  }

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public List<IdentityProvider> getRows() {
    return rows;
  }

  public IdentityProviderType[] getTypes() {
    return IdentityProviderType.values();
  }

  public List<String> getNameIdFormats() {
    return List.copyOf(IdentityProviderSettings.NAME_ID_FORMATS.keySet());
  }

  public List<String> getRoles() {
    return Roles.ALL;
  }

  public Form getForm() {
    return form;
  }

  public String getEditing() {
    return editing;
  }

  /** A short text of a provider's mappers for the table. */
  public String mappers(IdentityProvider p) {
    List<String> parts = new ArrayList<>();
    for (IdentityProviderMapping m : p.settings().mappers()) {
      parts.add(switch (m.type()) {
        case IdentityProviderMapping.ATTRIBUTE_TO_ROLE -> m.attribute() + "=" + m.value() + " → " + m.role();
        case IdentityProviderMapping.HARDCODED_ROLE -> "everyone → " + m.role();
        case IdentityProviderMapping.ATTRIBUTE_TO_PROFILE -> m.attribute() + " → " + m.userAttribute();
        default -> m.name() + " (" + m.type() + ")";
      });
    }
    return String.join("; ", parts);
  }

  public void save() {
    try {
      IdentityProvider saved = editing == null ? providers.add(form.toSettings(), actor()) : providers.update(editing, form.toSettings(), actor());
      info((editing == null ? "Added " : "Saved ") + saved.alias() + ". Give the identity provider the redirect URI " + saved.redirectUri()
          + (saved.spMetadataUrl() == null ? "." : " (SAML metadata: " + saved.spMetadataUrl() + ")."));
      cancel();
      load();
    } catch (InvalidIdentityProviderException e) {
      e.problems().forEach(p -> error(p.field() + ": " + p.message()));
    } catch (DomainException e) {
      error(e.getMessage());
    }
  }

  public void edit(IdentityProvider provider) {
    editing = provider.alias();
    form = Form.of(provider.settings());
  }

  public void cancel() {
    editing = null;
    form = new Form();
  }

  public void addMapper() {
    form.mappers.add(new MapperRow());
  }

  public void remove(IdentityProvider provider) {
    try {
      providers.remove(provider.alias(), actor());
      info("Removed " + provider.alias() + ". Users it created stay, and sign in otherwise from now on.");
    } catch (DomainException e) {
      error(e.getMessage());
    }
    load();
  }

  private String actor() {
    return currentUser.profile().map(u -> u.username()).orElse("unknown");
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** One mapper row of the form; a row without name, attribute and role is ignored. */
  public static class MapperRow implements Serializable {
    private String name;
    private String type = IdentityProviderMapping.ATTRIBUTE_TO_ROLE;
    private String attribute;
    private String value;
    private String role;
    private String userAttribute;

    boolean isEmpty() {
      return blank(name) && blank(attribute) && blank(role) && blank(value);
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getAttribute() { return attribute; }
    public void setAttribute(String v) { attribute = v; }
    public String getValue() { return value; }
    public void setValue(String v) { value = v; }
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    public String getUserAttribute() { return userAttribute; }
    public void setUserAttribute(String v) { userAttribute = v; }
  }

  /** The add/edit form; empty fields keep the stored values on edit. */
  public static class Form implements Serializable {
    private String type = "saml";
    private String alias;
    private String displayName;
    private boolean enabled = true;
    private String metadataUrl;
    private String metadataXml;
    private String ssoUrl;
    private String entityId;
    private String signingCertificate;
    private String nameIdFormat;
    private String principalType;
    private String principalAttribute;
    private String discoveryUrl;
    private String authorizationUrl;
    private String tokenUrl;
    private String userInfoUrl;
    private String jwksUrl;
    private String issuer;
    private String clientId;
    private String clientSecret;
    private String scopes;
    private final List<MapperRow> mappers = new ArrayList<>(List.of(new MapperRow()));

    static Form of(IdentityProviderSettings s) {
      Form f = new Form();
      f.type = s.type();
      f.alias = s.alias();
      f.displayName = s.displayName();
      f.enabled = !Boolean.FALSE.equals(s.enabled());
      f.ssoUrl = s.ssoUrl();
      f.entityId = s.entityId();
      f.signingCertificate = s.signingCertificate();
      f.nameIdFormat = s.nameIdFormat();
      f.principalType = s.principalType();
      f.principalAttribute = s.principalAttribute();
      f.authorizationUrl = s.authorizationUrl();
      f.tokenUrl = s.tokenUrl();
      f.userInfoUrl = s.userInfoUrl();
      f.jwksUrl = s.jwksUrl();
      f.issuer = s.issuer();
      f.clientId = s.clientId();
      f.scopes = s.scopes();
      f.mappers.clear();
      for (IdentityProviderMapping m : s.mappers()) {
        if (m.managed()) {
          MapperRow row = new MapperRow();
          row.name = m.name();
          row.type = m.type();
          row.attribute = m.attribute();
          row.value = m.value();
          row.role = m.role();
          row.userAttribute = m.userAttribute();
          f.mappers.add(row);
        }
      }
      f.mappers.add(new MapperRow());
      return f;
    }

    IdentityProviderSettings toSettings() {
      List<IdentityProviderMapping> rules =
          mappers.stream().filter(r -> !r.isEmpty()).map(r -> new IdentityProviderMapping(r.name, r.type, r.attribute, r.value, r.role, r.userAttribute)).toList();
      return new IdentityProviderSettings(alias, type, displayName, enabled, metadataUrl, metadataXml, ssoUrl, entityId, signingCertificate, nameIdFormat, principalType,
          principalAttribute, discoveryUrl, authorizationUrl, tokenUrl, userInfoUrl, jwksUrl, issuer, clientId, clientSecret, scopes, rules);
    }

    public List<MapperRow> getMappers() { return mappers; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getAlias() { return alias; }
    public void setAlias(String v) { alias = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean v) { enabled = v; }
    public String getMetadataUrl() { return metadataUrl; }
    public void setMetadataUrl(String v) { metadataUrl = v; }
    public String getMetadataXml() { return metadataXml; }
    public void setMetadataXml(String v) { metadataXml = v; }
    public String getSsoUrl() { return ssoUrl; }
    public void setSsoUrl(String v) { ssoUrl = v; }
    public String getEntityId() { return entityId; }
    public void setEntityId(String v) { entityId = v; }
    public String getSigningCertificate() { return signingCertificate; }
    public void setSigningCertificate(String v) { signingCertificate = v; }
    public String getNameIdFormat() { return nameIdFormat; }
    public void setNameIdFormat(String v) { nameIdFormat = v; }
    public String getPrincipalType() { return principalType; }
    public void setPrincipalType(String v) { principalType = v; }
    public String getPrincipalAttribute() { return principalAttribute; }
    public void setPrincipalAttribute(String v) { principalAttribute = v; }
    public String getDiscoveryUrl() { return discoveryUrl; }
    public void setDiscoveryUrl(String v) { discoveryUrl = v; }
    public String getAuthorizationUrl() { return authorizationUrl; }
    public void setAuthorizationUrl(String v) { authorizationUrl = v; }
    public String getTokenUrl() { return tokenUrl; }
    public void setTokenUrl(String v) { tokenUrl = v; }
    public String getUserInfoUrl() { return userInfoUrl; }
    public void setUserInfoUrl(String v) { userInfoUrl = v; }
    public String getJwksUrl() { return jwksUrl; }
    public void setJwksUrl(String v) { jwksUrl = v; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String v) { issuer = v; }
    public String getClientId() { return clientId; }
    public void setClientId(String v) { clientId = v; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String v) { clientSecret = v; }
    public String getScopes() { return scopes; }
    public void setScopes(String v) { scopes = v; }
  }

  private static boolean blank(String v) {
    return v == null || v.isBlank();
  }
}
