package org.tessera.channels.rest.dto;

/** {@code {"user": NAME}} or {@code {"group": NAME}}, with {@code "permission"} read or read-write (the default). */
public record ChannelShareRequest(String user, String group, String permission) {}
