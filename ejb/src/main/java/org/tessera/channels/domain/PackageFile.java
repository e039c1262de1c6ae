package org.tessera.channels.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One published file of a channel. {@code subdir} is the conda platform ({@code linux-64},
 * {@code noarch}) or, on a PyPI index, the normalized project name; with the file name it is the
 * file's path in the channel. {@code record} is what the index says about the file: the
 * {@code repodata.json} entry for conda, the core metadata fields for PyPI, as JSON.
 */
@Entity
@Table(name = "package_file")
public class PackageFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(name = "id", length = 16)
  private String id;

  @Column(name = "channel_id", nullable = false, length = 16)
  private String channelId;

  @Column(name = "subdir", nullable = false)
  private String subdir;

  @Column(name = "filename", nullable = false)
  private String filename;

  @Column(name = "package_name", nullable = false)
  private String packageName;

  @Column(name = "version", nullable = false, length = 128)
  private String version;

  @Column(name = "build")
  private String build;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Column(name = "md5", nullable = false, length = 32)
  private String md5;

  @Column(name = "record", nullable = false, length = 1000000)
  private String record;

  @Column(name = "uploader", nullable = false)
  private String uploader;

  @Column(name = "uploaded_at", nullable = false)
  private OffsetDateTime uploadedAt;

  @Column(name = "downloads", nullable = false)
  private long downloads;

  @Column(name = "yanked", length = 1000)
  private String yanked;

  protected PackageFile() {}

  public PackageFile(String channelId, PackageMetadata metadata, FileDigest digest, String uploader, OffsetDateTime now) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    this.id = HexFormat.of().formatHex(bytes);
    this.channelId = Objects.requireNonNull(channelId, "channelId");
    this.subdir = metadata.subdir();
    this.filename = metadata.filename();
    this.packageName = metadata.name();
    this.version = metadata.version();
    this.build = metadata.build();
    this.size = digest.size();
    this.sha256 = digest.sha256();
    this.md5 = digest.md5();
    this.record = metadata.record(digest);
    this.uploader = Objects.requireNonNull(uploader, "uploader");
    this.uploadedAt = now;
  }

  public String id() {
    return id;
  }

  public String channelId() {
    return channelId;
  }

  public String subdir() {
    return subdir;
  }

  public String filename() {
    return filename;
  }

  /** The file's path in its channel, {@code subdir/filename}. */
  public String path() {
    return subdir + "/" + filename;
  }

  public String packageName() {
    return packageName;
  }

  public String version() {
    return version;
  }

  public String build() {
    return build;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public String md5() {
    return md5;
  }

  /** The index entry for this file, as JSON. */
  public String record() {
    return record;
  }

  public String uploader() {
    return uploader;
  }

  public OffsetDateTime uploadedAt() {
    return uploadedAt;
  }

  public long downloads() {
    return downloads;
  }

  /** The reason a PyPI file was yanked (PEP 592), or null while it is not. */
  public String yanked() {
    return yanked;
  }

  public void yank(String reason) {
    this.yanked = reason == null || reason.isBlank() ? "yanked" : reason.strip();
  }

  public void unyank() {
    this.yanked = null;
  }
}
