package org.tessera.shared.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One run-time platform setting. */
@Entity
@Table(name = "platform_setting")
public class PlatformSettingRow {

  @Id
  @Column(name = "setting_name", length = 100)
  String name;

  @Column(name = "setting_value", nullable = false, length = 4000)
  String value;

  protected PlatformSettingRow() {}

  PlatformSettingRow(String name, String value) {
    this.name = name;
    this.value = value;
  }
}
