package org.tessera.channels.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits the paths package clients ask for. */
final class RepositoryPaths {

  static final String CONDA = "/repository/conda/";

  private RepositoryPaths() {}

  /** The token of a conda token URL, {@code /repository/conda/t/TOKEN/...}. */
  static Optional<String> condaToken(String path) {
    if (path == null || !path.startsWith(CONDA + "t/")) {
      return Optional.empty();
    }
    String rest = path.substring(CONDA.length() + 2);
    int slash = rest.indexOf('/');
    return Optional.of(slash < 0 ? rest : rest.substring(0, slash)).filter(t -> !t.isEmpty());
  }

  /** The segments after the servlet's path, without a leading {@code t/TOKEN}; empty segments dropped. */
  static List<String> segments(String pathInfo, boolean dropToken) {
    List<String> segments = new ArrayList<>();
    if (pathInfo != null) {
      for (String s : pathInfo.split("/")) {
        if (!s.isEmpty()) {
          segments.add(s);
        }
      }
    }
    if (dropToken && segments.size() >= 2 && segments.get(0).equals("t")) {
      return segments.subList(2, segments.size());
    }
    return segments;
  }
}
