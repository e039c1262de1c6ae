package org.tessera.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One entry of the audit trail: who ({@code actor}) did what ({@code action}) to what ({@code
 * target}), when, from which client address, and whether it succeeded.
 *
 * <p>Events are written once and never changed, so the entity has no setters. Free text is cut to
 * the column sizes rather than refused: an audit record must never make the audited action fail.
 * Actions are dotted names, context first ({@code identity.sign-in}, {@code api.post}).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  static final int ACTOR_MAX = 255;
  static final int ACTION_MAX = 100;
  static final int TARGET_MAX = 1000;
  static final int ADDRESS_MAX = 64;
  static final int DETAIL_MAX = 2000;

  @Id
  @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Column(nullable = false, length = ACTOR_MAX)
  private String actor;

  @Column(nullable = false, length = ACTION_MAX)
  private String action;

  @Column(length = TARGET_MAX)
  private String target;

  @Column(name = "client_address", length = ADDRESS_MAX)
  private String clientAddress;

  @Column(nullable = false, length = 20)
  private String outcome;

  @Column(length = DETAIL_MAX)
  private String detail;

  protected AuditEvent() {}

  public AuditEvent(
      OffsetDateTime occurredAt,
      String actor,
      String action,
      String target,
      String clientAddress,
      Outcome outcome,
      String detail) {
    // To the microsecond, as H2 and PostgreSQL store it (both round finer clocks): EclipseLink's
    // cache hands this object to later searches, whose callers use its time as a filter bound.
    this.occurredAt =
        Objects.requireNonNull(occurredAt, "occurredAt").withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    this.actor = cut(required(actor, "actor"), ACTOR_MAX);
    this.action = cut(required(action, "action"), ACTION_MAX);
    this.target = cut(target, TARGET_MAX);
    this.clientAddress = cut(clientAddress, ADDRESS_MAX);
    this.outcome = Objects.requireNonNull(outcome, "outcome").name();
    this.detail = cut(detail, DETAIL_MAX);
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("An audit event needs a " + name + ".");
    }
    return value.strip();
  }

  private static String cut(String value, int max) {
    if (value == null) {
      return null;
    }
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }

  public Long id() {
    return id;
  }

  public OffsetDateTime occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public Outcome outcome() {
    return Outcome.valueOf(outcome);
  }

  public String detail() {
    return detail;
  }

  /** Whether the audited action took effect. */
  public enum Outcome {
    SUCCESS,
    FAILURE
  }
}
