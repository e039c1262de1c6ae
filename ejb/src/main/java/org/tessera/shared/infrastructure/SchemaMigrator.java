package org.tessera.shared.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects before anything uses it. The
 * schema is owned by the scripts in {@code db/migration}, the same on H2 and PostgreSQL; JPA never
 * generates DDL. A failed migration fails the deployment, so Tessera never runs on a half-migrated
 * schema (Flyway runs each script in a transaction where the database allows it).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

  public static final String DATASOURCE = "java:jboss/datasources/TesseraDS";

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  private volatile String schemaVersion = "none";

  @PostConstruct
  void migrate() {
    MigrateResult result = migrate(dataSource);
    schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
  }

  /** Applies pending migrations to a data source; used at startup and by tests. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        // Contexts are built side by side and their migrations land in any order; each one only
        // adds its own tables, so one numbered below the newest applied is still applied.
        .outOfOrder(true)
        .load()
        .migrate();
  }

  public String schemaVersion() {
    return schemaVersion;
  }
}
