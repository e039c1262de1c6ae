package org.tessera.projects.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tessera.projects.domain.ProjectName;
import org.tessera.projects.domain.ProjectSpec;
import org.tessera.projects.domain.ProjectSpecParser;
import org.tessera.projects.domain.ProjectTemplate;

/** Every template is a working project: its anaconda-project.yml parses and names the project. */
class ProjectTemplatesTest {

  @ParameterizedTest
  @EnumSource(value = ProjectTemplate.class, mode = EnumSource.Mode.EXCLUDE, names = "UPLOAD")
  void each_template_has_a_valid_anaconda_project_yml_with_the_project_name(ProjectTemplate template) {
    Map<String, byte[]> files = ProjectServiceBean.templateFiles(template, new ProjectName("demo-1"));

    assertThat(files).containsKey("anaconda-project.yml").containsKey(".gitignore").doesNotContainKey("files.txt");
    ProjectSpec spec = ProjectSpecParser.parse(new String(files.get("anaconda-project.yml"), StandardCharsets.UTF_8));
    assertThat(spec.name()).isEqualTo("demo-1");
    if (template != ProjectTemplate.EMPTY) {
      assertThat(spec.defaultCommand()).as("a runnable default command").isPresent();
      assertThat(spec.packages()).anySatisfy(p -> assertThat(p).startsWith("python"));
    }
  }

  @Test
  void the_commands_point_at_files_the_template_contains() {
    Map<String, byte[]> notebook = ProjectServiceBean.templateFiles(ProjectTemplate.PYTHON_NOTEBOOK, new ProjectName("n"));
    Map<String, byte[]> api = ProjectServiceBean.templateFiles(ProjectTemplate.FLASK_API, new ProjectName("a"));
    Map<String, byte[]> dashboard = ProjectServiceBean.templateFiles(ProjectTemplate.DASHBOARD, new ProjectName("d"));
    Map<String, byte[]> job = ProjectServiceBean.templateFiles(ProjectTemplate.SCHEDULED_SCRIPT, new ProjectName("j"));

    assertThat(notebook).containsKey("analysis.ipynb");
    assertThat(api).containsKey("app.py");
    assertThat(dashboard).containsKey("dashboard.py");
    assertThat(job).containsKey("job.py");
  }
}
