package org.tessera.channels.application;

/** A channel's rows were deleted; once that commits, its directory goes too. */
public record ChannelDeleted(String channel) {}
