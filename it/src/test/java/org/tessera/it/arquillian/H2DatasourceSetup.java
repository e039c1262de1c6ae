package org.tessera.it.arquillian;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.tessera.shared.infrastructure.SchemaMigrator;

/**
 * Adds {@value SchemaMigrator#DATASOURCE}, the datasource the persistence unit and the schema
 * migrator look up, as an in-memory H2 database on WildFly's bundled {@code h2} driver, before the
 * deployment; removes it after. {@code DB_CLOSE_DELAY=-1} keeps the database for the life of the
 * server rather than of a connection, so tests isolate their data by actor, not by database.
 */
public class H2DatasourceSetup implements ServerSetupTask {

  static final String URL = "jdbc:h2:mem:tessera-it;DB_CLOSE_DELAY=-1";

  private static final ModelNode ADDRESS =
      Operations.createAddress("subsystem", "datasources", "data-source", "TesseraDS");

  @Override
  public void setup(ManagementClient client, String containerId) throws Exception {
    ModelNode add = Operations.createAddOperation(ADDRESS);
    add.get("jndi-name").set(SchemaMigrator.DATASOURCE);
    add.get("driver-name").set("h2");
    add.get("connection-url").set(URL);
    add.get("user-name").set("sa");
    add.get("password").set("sa");
    executeOperation(client, add);
  }

  @Override
  public void tearDown(ManagementClient client, String containerId) throws Exception {
    ModelNode remove = Operations.createRemoveOperation(ADDRESS);
    // Without this header a removed datasource leaves the server in reload-required.
    remove.get("operation-headers", "allow-resource-service-restart").set(true);
    executeOperation(client, remove);
  }
}
