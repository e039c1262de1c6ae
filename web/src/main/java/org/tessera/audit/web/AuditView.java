package org.tessera.audit.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditPage;
import org.tessera.audit.domain.AuditQuery;

/**
 * Backing bean of {@code admin/audit.xhtml}: one page of the audit trail, filtered by the view
 * parameters. The role check is the service's, as for the REST API.
 */
@Named
@RequestScoped
public class AuditView {

  private static final int PAGE_SIZE = 50;

  @EJB AuditService audit;

  private String actor;
  private String action;
  private int page;
  private AuditPage result;

  public AuditPage getResult() {
    if (result == null) {
      result = audit.search(new AuditQuery(actor, action, null, null, Math.max(page, 0), PAGE_SIZE));
    }
    return result;
  }

  public boolean isHasPrevious() {
    return page > 0;
  }

  public boolean isHasNext() {
    return (long) (page + 1) * PAGE_SIZE < getResult().total();
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
