package org.tessera.projects.domain;

import java.util.Arrays;

/** What a new project starts from; each template is a working project with its anaconda-project.yml. */
public enum ProjectTemplate {
  EMPTY("empty", "An empty project with an anaconda-project.yml to fill in."),
  PYTHON_NOTEBOOK("python-notebook", "A Jupyter notebook with pandas and matplotlib."),
  FLASK_API("flask-api", "A REST API served by Flask."),
  DASHBOARD("dashboard", "An interactive Panel (Bokeh) dashboard."),
  SCHEDULED_SCRIPT("scheduled-script", "A Python script to run as a scheduled job."),
  /** Not offered for creation: marks projects made from an uploaded archive. */
  UPLOAD("upload", "The files of an uploaded archive.");

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

  /** Whether users may pick it when creating a project. */
  public boolean selectable() {
    return this != UPLOAD;
  }

  /** The templates users may pick. */
  public static java.util.List<ProjectTemplate> selectableValues() {
    return Arrays.stream(values()).filter(ProjectTemplate::selectable).toList();
  }

  /** Any template, as stored. @throws UnknownProjectTemplateException naming the known ones */
  public static ProjectTemplate byKey(String key) {
    if (key == null || key.isBlank()) {
      return EMPTY;
    }
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst().orElseThrow(() -> new UnknownProjectTemplateException(key));
  }

  /** A template a user asked for by key. @throws UnknownProjectTemplateException naming the selectable ones */
  public static ProjectTemplate selectableByKey(String key) {
    ProjectTemplate template = key == null || key.isBlank() ? EMPTY : Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst().orElse(null);
    if (template == null || !template.selectable()) {
      throw new UnknownProjectTemplateException(key);
    }
    return template;
  }
}
