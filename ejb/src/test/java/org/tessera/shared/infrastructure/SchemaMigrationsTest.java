package org.tessera.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The migrations against a real (in-memory) H2; PostgreSQL is covered by the platform ITs. */
class SchemaMigrationsTest {

  @Test
  void migrations_create_the_audit_table_and_are_idempotent() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1");

    MigrateResult first = SchemaMigrator.migrate(h2);
    MigrateResult second = SchemaMigrator.migrate(h2);

    assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
    assertThat(second.migrationsExecuted).isZero();
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();
    }
  }
}
