package org.tessera.identity.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tessera.identity.application.UserAdminService;
import org.tessera.identity.domain.RealmUserPage;
import org.tessera.identity.domain.Roles;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code admin/users.xhtml}: one page of a user search, filtered by the view parameters. */
@Named
@RequestScoped
public class UsersView {

  static final int PAGE_SIZE = 20;

  @EJB UserAdminService users;
  @Inject CurrentUser currentUser;

  private String search;
  private int page;
  private RealmUserPage result;

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public RealmUserPage getResult() {
    if (result == null) {
      result = new RealmUserPage(List.of(), 0, 0, PAGE_SIZE);
      if (isAdmin()) {
        try {
          result = users.users(search, Math.max(page, 0), PAGE_SIZE);
        } catch (DomainException e) {
          FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
      }
    }
    return result;
  }

  /** Searches before rendering (view action), so that an error shows in the messages above the table. */
  public void load() {
    getResult();
  }

  public boolean isHasPrevious() {
    return page > 0;
  }

  public boolean isHasNext() {
    return getResult().hasNext();
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
