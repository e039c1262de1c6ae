package org.tessera.channels.application;

/** What a package client's request needs to know about a channel it may read. */
public record ChannelAccess(String name, String type, boolean isPrivate) {}
