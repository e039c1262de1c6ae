package org.tessera.projects.domain;

import java.util.Arrays;

/** What a new project starts from; each template is a working project with its anaconda-project.yml. */
public enum ProjectTemplate {
  EMPTY("empty", "An empty project with an anaconda-project.yml to fill in."),
  PYTHON_NOTEBOOK("python-notebook", "A Jupyter notebook with pandas and matplotlib."),
  FLASK_API("flask-api", "A REST API served by Flask."),
  DASHBOARD("dashboard", "An interactive Panel (Bokeh) dashboard."),
  SCHEDULED_SCRIPT("scheduled-script", "A Python script to run as a scheduled job.");

  private final String key;
  private final String description;

  ProjectTemplate(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** @throws UnknownProjectTemplateException naming the known ones */
  public static ProjectTemplate byKey(String key) {
    if (key == null || key.isBlank()) {
      return EMPTY;
    }
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst().orElseThrow(() -> new UnknownProjectTemplateException(key));
  }
}
