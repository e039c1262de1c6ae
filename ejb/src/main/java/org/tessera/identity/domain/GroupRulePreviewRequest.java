package org.tessera.identity.domain;

/**
 * What to preview: a directory user ({@code username}) or one group ({@code group}: a DN, or a
 * name taken as {@code cn=NAME} under the groups DN), with the saved rules ({@code settings} null)
 * or unsaved ones (empty fields taken from the saved settings).
 */
public record GroupRulePreviewRequest(String username, String group, GroupRuleSettings settings) implements java.io.Serializable {}
