package org.tessera.runtime.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.tessera.runtime.domain.ResourceProfile;

/** A stored resource profile; the node selector is kept as {@code key=value} lines. */
@Entity
@Table(name = "resource_profile")
public class ResourceProfileRow {

  @Id
  @Column(length = 63)
  String name;

  @Column(length = 500)
  String description;

  @Column(name = "user_visible", nullable = false)
  boolean userVisible;

  @Column(nullable = false, length = 32)
  String cpu;

  @Column(nullable = false, length = 32)
  String memory;

  @Column(nullable = false)
  int gpus;

  @Column(name = "node_selector", length = 2000)
  String nodeSelector;

  @Column(name = "is_default", nullable = false)
  boolean isDefault;

  protected ResourceProfileRow() {}

  ResourceProfileRow(ResourceProfile profile, boolean isDefault) {
    this.name = profile.name();
    update(profile, isDefault);
  }

  void update(ResourceProfile profile, boolean isDefault) {
    this.description = profile.description();
    this.userVisible = profile.userVisible();
    this.cpu = profile.cpu();
    this.memory = profile.memory();
    this.gpus = profile.gpus();
    this.nodeSelector = profile.nodeSelector().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    this.isDefault = isDefault;
  }

  ResourceProfile toProfile() {
    Map<String, String> selector = new LinkedHashMap<>();
    if (nodeSelector != null) {
      nodeSelector.lines().filter(l -> l.contains("=")).forEach(l -> selector.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    }
    return new ResourceProfile(name, description, userVisible, cpu, memory, gpus, selector);
  }
}
