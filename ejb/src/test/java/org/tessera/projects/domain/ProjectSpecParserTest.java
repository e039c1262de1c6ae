package org.tessera.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessera.projects.domain.ProjectSpec.CommandType;

class ProjectSpecParserTest {

  static List<ProjectSpecProblem> problemsOf(String yaml) {
    try {
      ProjectSpecParser.parse(yaml);
    } catch (InvalidProjectSpecException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems in:\n" + yaml);
  }

  @Test
  void the_seeds_examples_parse_into_commands_packages_and_variables() {
    ProjectSpec spec =
        ProjectSpecParser.parse(
            """
            name: flask-api
            description: A REST API
            channels:
              - defaults
            packages:
             - six>=1.4.0
             - gunicorn==19.1.0
             - pip:
               - python-mimeparse
               - falcon==1.0.0
            commands:
              default:
                notebook: your-notebook.ipynb
              dashboard:
                bokeh_app: .
                supports_http_options: True
              api:
                unix: python your-script.py
                supports_http_options: true
                description: The API
            variables:
              KRB5_CONFIG:
                description: Location of config file for kerberos authentication
                default: /opt/continuum/project/krb5.conf
            """);

    assertThat(spec.name()).isEqualTo("flask-api");
    assertThat(spec.channels()).containsExactly("defaults");
    assertThat(spec.packages()).containsExactly("six>=1.4.0", "gunicorn==19.1.0");
    assertThat(spec.pipPackages()).containsExactly("python-mimeparse", "falcon==1.0.0");
    assertThat(spec.commands()).containsOnlyKeys("default", "dashboard", "api");
    assertThat(spec.commands().get("default").type()).isEqualTo(CommandType.NOTEBOOK);
    assertThat(spec.commands().get("default").supportsHttpOptions()).isFalse();
    assertThat(spec.commands().get("dashboard").type()).isEqualTo(CommandType.BOKEH_APP);
    assertThat(spec.commands().get("dashboard").supportsHttpOptions()).isTrue();
    assertThat(spec.commands().get("api").target()).isEqualTo("python your-script.py");
    assertThat(spec.defaultCommand()).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("default"));
    assertThat(spec.variables().get("KRB5_CONFIG").defaultValue()).isEqualTo("/opt/continuum/project/krb5.conf");
  }

  @Test
  void env_specs_downloads_services_and_rest_api_commands_are_understood() {
    ProjectSpec spec =
        ProjectSpecParser.parse(
            """
            env_specs:
              py311:
                description: Python 3.11
                packages: [python=3.11, pandas]
                channels: [conda-forge]
                inherit_from: base
                platforms: [linux-64]
              base: {}
            commands:
              serve:
                rest_api: app.py
                env_spec: py311
            downloads:
              IRIS: https://example.org/iris.csv
              BIG:
                url: https://example.org/big.csv
                filename: data/big.csv
                sha256: abc123
            services:
              REDIS_URL: redis
              CACHE:
                type: redis
            variables: [API_KEY, DEBUG]
            """);

    assertThat(spec.envSpecs().get("py311").packages()).containsExactly("python=3.11", "pandas");
    assertThat(spec.envSpecs().get("py311").inheritFrom()).containsExactly("base");
    assertThat(spec.commands().get("serve").type()).isEqualTo(CommandType.REST_API);
    assertThat(spec.commands().get("serve").envSpec()).isEqualTo("py311");
    assertThat(spec.downloads().get("IRIS").url()).isEqualTo("https://example.org/iris.csv");
    assertThat(spec.downloads().get("BIG").filename()).isEqualTo("data/big.csv");
    assertThat(spec.services()).containsEntry("REDIS_URL", "redis").containsEntry("CACHE", "redis");
    assertThat(spec.variables()).containsOnlyKeys("API_KEY", "DEBUG");
  }

  @Test
  void unknown_top_level_keys_are_kept() {
    ProjectSpec spec = ProjectSpecParser.parse("name: p\nicon: icon.png\nplatforms: [linux-64, osx-64]\nskip_imports: {environment: abc}\n");

    assertThat(spec.otherKeys()).containsEntry("icon", "icon.png").containsEntry("platforms", List.of("linux-64", "osx-64"));
    assertThat(spec.otherKeys().get("skip_imports")).isEqualTo(Map.of("environment", "abc"));
  }

  @Test
  void an_empty_file_is_an_empty_project() {
    assertThat(ProjectSpecParser.parse("").commands()).isEmpty();
    assertThat(ProjectSpecParser.parse("# nothing yet\n").packages()).isEmpty();
  }

  @Test
  void invalid_yaml_is_reported_with_line_and_column() {
    List<ProjectSpecProblem> problems = problemsOf("name: p\ncommands:\n  default:\n    unix: [unclosed\n");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message()).startsWith("Not valid YAML");
    assertThat(problems.get(0).line()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void an_unknown_command_type_is_reported_where_it_is() {
    List<ProjectSpecProblem> problems = problemsOf("commands:\n  default:\n    shiny_app: app.R\n");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).line()).isEqualTo(3);
    assertThat(problems.get(0).column()).isEqualTo(16);
    assertThat(problems.get(0).message()).contains("shiny_app", "notebook, bokeh_app, unix, rest_api");
  }

  @Test
  void every_problem_is_reported_not_only_the_first() {
    List<ProjectSpecProblem> problems =
        problemsOf(
            """
            channels: conda-forge
            commands:
              a:
                description: no type
              b:
                notebook: x.ipynb
                unix: python x.py
              c:
                unix: run.sh
                supports_http_options: maybe
                env_spec: missing
            env_specs:
              default: {}
            variables:
              1BAD: x
            """);

    assertThat(problems).extracting(ProjectSpecProblem::message)
        .anySatisfy(m -> assertThat(m).contains("channels must be a list"))
        .anySatisfy(m -> assertThat(m).contains("'a' has no type"))
        .anySatisfy(m -> assertThat(m).contains("exactly one type"))
        .anySatisfy(m -> assertThat(m).contains("must be true or false"))
        .anySatisfy(m -> assertThat(m).contains("env_spec 'missing' is not declared"))
        .anySatisfy(m -> assertThat(m).contains("'1BAD' is not a valid environment variable name"));
    assertThat(problems).hasSize(6);
  }

  @Test
  void duplicate_keys_are_problems_not_silent_overwrites() {
    List<ProjectSpecProblem> problems = problemsOf("commands:\n  default:\n    unix: a\n  default:\n    unix: b\n");

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(4);
      assertThat(p.message()).contains("'default' appears twice");
    });
  }

  @Test
  void alias_bombs_and_oversized_files_are_refused() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
    }
    assertThatThrownBy(() -> ProjectSpecParser.parse(bomb.toString())).isInstanceOf(InvalidProjectSpecException.class);
    assertThatThrownBy(() -> ProjectSpecParser.parse("name: " + "x".repeat(ProjectSpecParser.MAX_BYTES + 1)))
        .isInstanceOf(InvalidProjectSpecException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void the_exception_message_summarises_for_people() {
    assertThatThrownBy(() -> ProjectSpecParser.parse("commands:\n  x:\n    shiny_app: a\n"))
        .hasMessageStartingWith("anaconda-project.yml has 1 problem; fix it and try again: line 3, column 16:");
  }
}
