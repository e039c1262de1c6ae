package org.tessera.shared.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.tessera.shared.infrastructure.SchemaMigrator;

/** Readiness from the database connection and the migrated schema version. */
@Stateless
@Local(HealthService.class)
@PermitAll
public class HealthServiceBean implements HealthService {

  @Resource(lookup = SchemaMigrator.DATASOURCE)
  DataSource dataSource;

  @EJB SchemaMigrator migrator;

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Readiness readiness() {
    return new Readiness(List.of(database()));
  }

  private Readiness.Check database() {
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      String product = connection.getMetaData().getDatabaseProductName();
      return new Readiness.Check(
          "database",
          valid,
          valid
              ? product + ", schema version " + migrator.schemaVersion()
              : product + " did not answer within 2 s; check the database server.");
    } catch (SQLException e) {
      return new Readiness.Check(
          "database", false, "Cannot connect to the database: " + e.getMessage() + ". Check TESSERA_DB_URL and that the server runs.");
    }
  }
}
