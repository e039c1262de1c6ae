package org.tessera.projects.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * At startup, puts the disk back in line with the database after a crash: a repository whose
 * project row never committed (the server died while creating it) is moved aside to {@code
 * git-orphans/}, not deleted, and half-received uploads are removed. Pushes to existing projects
 * need nothing: git writes objects before it moves a ref, so a killed push leaves the old ref.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class ProjectStorageReconciler {

  private static final Logger LOG = Logger.getLogger(ProjectStorageReconciler.class.getName());

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  @PostConstruct
  void reconcile() {
    Path repositories = JGitProjectFiles.root();
    Set<String> known = new HashSet<>(em.createQuery("SELECT p.id FROM Project p", String.class).getResultList());
    int orphans = moveOrphans(repositories, known);
    int leftovers = clear(repositories.resolveSibling("uploads"));
    if (orphans + leftovers > 0) {
      LOG.warning("Startup clean-up: moved " + orphans + " repositories without a project to " + repositories.resolveSibling("git-orphans")
          + " and removed " + leftovers + " unfinished uploads.");
    }
  }

  static int moveOrphans(Path repositories, Set<String> knownIds) {
    if (!Files.isDirectory(repositories)) {
      return 0;
    }
    int moved = 0;
    try (Stream<Path> children = Files.list(repositories)) {
      for (Path repository : children.toList()) {
        String name = repository.getFileName().toString();
        if (name.endsWith(".git") && !knownIds.contains(name.substring(0, name.length() - 4))) {
          Path aside = Files.createDirectories(repositories.resolveSibling("git-orphans")).resolve(name + "-" + Instant.now().toEpochMilli());
          Files.move(repository, aside);
          moved++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return moved;
  }

  static int clear(Path uploads) {
    if (!Files.isDirectory(uploads)) {
      return 0;
    }
    try (Stream<Path> children = Files.list(uploads)) {
      List<Path> leftovers = children.toList();
      leftovers.forEach(ArchiveExtractor::deleteRecursively);
      return leftovers.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
