package org.tessera.identity.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One listed user, group or role of one permission. A row, not an aggregate: {@link
 * JpaPermissionRepository} turns rows into {@link org.tessera.identity.domain.PermissionGrants}.
 */
@Entity
@Table(name = "permission_grant")
public class PermissionGrantRow {

  /** Which list a row belongs to. */
  public enum Kind {
    USER,
    GROUP,
    ROLE
  }

  @Id
  @SequenceGenerator(name = "permission_grant_seq", sequenceName = "permission_grant_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "permission_grant_seq")
  private Long id;

  @Column(name = "permission_key", nullable = false, length = 64)
  private String permissionKey;

  @Column(nullable = false, length = 10)
  private String kind;

  @Column(nullable = false, length = 255)
  private String name;

  protected PermissionGrantRow() {}

  PermissionGrantRow(String permissionKey, Kind kind, String name) {
    this.permissionKey = permissionKey;
    this.kind = kind.name();
    this.name = name;
  }

  String permissionKey() {
    return permissionKey;
  }

  Kind kind() {
    return Kind.valueOf(kind);
  }

  String name() {
    return name;
  }
}
