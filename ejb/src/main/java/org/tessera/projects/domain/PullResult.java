package org.tessera.projects.domain;

import java.util.List;

/** What a pull from the external repository did: {@code main} before and after, and the tags it added. */
public record PullResult(String remoteUrl, String before, String after, boolean updated, List<String> tagsAdded, String message) {}
