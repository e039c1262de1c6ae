package org.tessera.sessions.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The editors a session can run, and the program each needs on the host (or in the image). */
public enum Editor {
  NOTEBOOK("notebook", "Jupyter Notebook", "/usr/bin/jupyter-notebook"),
  JUPYTERLAB("jupyterlab", "JupyterLab", "/usr/bin/jupyter-lab"),
  ZEPPELIN("zeppelin", "Apache Zeppelin", "/usr/share/zeppelin/bin/zeppelin.sh");

  private final String key;
  private final String label;
  private final String program;

  Editor(String key, String label, String program) {
    this.key = key;
    this.label = label;
    this.program = program;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public String program() {
    return program;
  }

  /** Whether this host can run it. */
  public boolean installed() {
    return Files.isExecutable(Path.of(program));
  }

  public static List<Editor> available() {
    return Arrays.stream(values()).filter(Editor::installed).toList();
  }

  /** The editor a user asked for (the Notebook by default), if this host has it. */
  public static Editor chosen(String key) {
    String wanted = key == null || key.isBlank() ? NOTEBOOK.key : key.strip().toLowerCase(Locale.ROOT);
    Editor editor = Arrays.stream(values()).filter(e -> e.key.equals(wanted)).findFirst()
        .orElseThrow(() -> new EditorUnavailableException("There is no editor '" + key + "'; choose one of: notebook, jupyterlab, zeppelin."));
    if (!editor.installed()) {
      throw new EditorUnavailableException(editor.label + " is not installed on this host (" + editor.program + " is missing); choose "
          + String.join(" or ", available().stream().map(Editor::key).toList()) + ".");
    }
    return editor;
  }
}
