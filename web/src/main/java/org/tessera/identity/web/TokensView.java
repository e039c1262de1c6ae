package org.tessera.identity.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.tessera.identity.application.AccessTokenService;
import org.tessera.identity.domain.AccessTokenSummary;
import org.tessera.identity.domain.IssuedAccessToken;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code tokens.xhtml}: the user's personal access tokens. */
@Named
@RequestScoped
public class TokensView {

  @EJB AccessTokenService tokens;
  @Inject CurrentUser currentUser;

  private String name;
  private int days = 90;
  private IssuedAccessToken issued;
  private List<AccessTokenSummary> list;

  private String owner() {
    return currentUser.profile().orElseThrow().username();
  }

  public List<AccessTokenSummary> getTokens() {
    if (list == null) {
      list = tokens.list(owner());
    }
    return list;
  }

  public String status(AccessTokenSummary token) {
    return token.revokedAt() != null ? "revoked" : Instant.now().isBefore(token.expiresAt()) ? "live" : "expired";
  }

  /** Creates a token and shows its secret on this response only. */
  public void create() {
    try {
      issued = tokens.create(owner(), name, days);
      name = null;
      list = null;
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  public void revoke(String id) {
    try {
      tokens.revoke(owner(), id);
      list = null;
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Token revoked: it no longer works anywhere.", null));
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  public IssuedAccessToken getIssued() {
    return issued;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }
}
