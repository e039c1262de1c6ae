package org.tessera.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The banner of every page while an administrator acts as another user (layout.xhtml). */
@Named
@RequestScoped
public class ImpersonationView {

  @Inject CurrentUser currentUser;

  public boolean isActive() {
    return currentUser.actingAs().isPresent();
  }

  public String getUsername() {
    return currentUser.actingAs().map(CurrentUser.ActingAs::username).orElse(null);
  }

  public String getAdmin() {
    return currentUser.actingAs().map(CurrentUser.ActingAs::admin).orElse(null);
  }
}
