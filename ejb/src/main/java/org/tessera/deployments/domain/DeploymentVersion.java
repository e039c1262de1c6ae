package org.tessera.deployments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * One version of a project that a deployment serves: a commit, the name the user gave it (a tag,
 * a branch, a commit), and its share of the traffic (a weight among the versions without a group,
 * or all the traffic of a group's members). Each version runs as its own workload.
 */
@Entity
@Table(name = "deployment_version")
public class DeploymentVersion {

  public static final int MAX_FAILURE = 2000;

  @Id
  @Column(length = 16)
  private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "deployment_id", nullable = false)
  private Deployment deployment;

  @Column(nullable = false, length = 255)
  private String label;

  @Column(name = "commit_id", nullable = false, length = 40)
  private String commitId;

  @Column(nullable = false)
  private int weight;

  @Column(name = "group_name", length = 255)
  private String group;

  @Column(name = "started_at", nullable = false)
  private OffsetDateTime startedAt;

  @Column(length = MAX_FAILURE)
  private String failure;

  protected DeploymentVersion() {}

  DeploymentVersion(String id, Deployment deployment, String label, String commitId, int weight, String group, OffsetDateTime now) {
    this.id = id;
    this.deployment = deployment;
    this.label = label;
    this.commitId = commitId;
    this.weight = weight;
    this.group = group;
    this.startedAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  public String id() {
    return id;
  }

  /** The runtime's name for this version's workload. */
  public String workloadId() {
    return "app-" + id;
  }

  public String label() {
    return label;
  }

  public String commitId() {
    return commitId;
  }

  public int weight() {
    return weight;
  }

  /** The group whose members this version serves; null when it takes a share of everyone else. */
  public String group() {
    return group;
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  /** Why Tessera gave up on this version's workload (it never opened its port, ...); null if it did not. */
  public String failure() {
    return failure;
  }

  void route(int weight, String group) {
    this.weight = weight;
    this.group = group;
  }

  /** Starting again clears an earlier failure. */
  public void restarted(OffsetDateTime now) {
    startedAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    failure = null;
  }

  public void failed(String reason) {
    failure = reason.length() > MAX_FAILURE ? reason.substring(0, MAX_FAILURE) : reason;
  }
}
