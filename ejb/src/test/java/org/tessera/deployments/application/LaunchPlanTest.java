package org.tessera.deployments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessera.deployments.domain.NotDeployableException;
import org.tessera.projects.domain.ProjectSpec;
import org.tessera.projects.domain.ProjectSpecParser;

class LaunchPlanTest {

  private static ProjectSpec spec(String commands) {
    return ProjectSpecParser.parse("name: p\nvariables:\n  GREETING:\n    default: Hi\ncommands:\n" + commands);
  }

  @Test
  void unixCommandsLearnWhereToListenFromTheEnvironment() {
    LaunchPlan plan = LaunchPlan.of(spec("  api:\n    unix: python app.py\n"), "api", "127.0.0.1", "/apps/sales", "s3cret");
    assertEquals(List.of("/bin/sh", "-c", "python app.py"), plan.command());
    assertEquals("{port}", plan.environment().get("PORT"));
    assertEquals("127.0.0.1", plan.environment().get("HOST"));
    assertEquals("/apps/sales", plan.environment().get("URL_PREFIX"));
    assertEquals("Hi", plan.environment().get("GREETING"));
  }

  @Test
  void commandsWithHttpOptionsGetTheSeedsArguments() {
    LaunchPlan plan = LaunchPlan.of(spec("  dash:\n    unix: panel serve dashboard.py\n    supports_http_options: true\n"), "dash", "0.0.0.0", "/apps/d", "s");
    String line = plan.command().get(2);
    assertTrue(line.contains("--anaconda-project-port={port}"), line);
    assertTrue(line.contains("--anaconda-project-url-prefix=/apps/d"), line);
    assertTrue(line.contains("--anaconda-project-address=0.0.0.0"), line);
    assertTrue(line.contains("--anaconda-project-no-browser"), line);
    assertTrue(line.contains("--anaconda-project-use-xheaders"), line);
  }

  @Test
  void notebooksAreServedReadOnlyUnderThePrefixWithTheSecret() {
    LaunchPlan plan = LaunchPlan.of(spec("  nb:\n    notebook: analysis.ipynb\n"), "nb", "127.0.0.1", "/apps/nb", "s3cret");
    assertTrue(plan.command().contains("--NotebookApp.base_url=/apps/nb/"));
    assertTrue(plan.command().contains("--NotebookApp.default_url=/notebooks/analysis.ipynb"));
    assertTrue(plan.command().contains("--NotebookApp.token=s3cret"));
    assertTrue(plan.files().get(LaunchPlan.NOTEBOOK_CONFIG).contains("HTTPError(403"));
  }

  @Test
  void anUnknownCommandIsRefused() {
    assertThrows(NotDeployableException.class, () -> LaunchPlan.of(spec("  api:\n    unix: x\n"), "other", "127.0.0.1", "/apps/x", "s"));
  }
}
