package org.tessera.channels.application;

/** Who may read a channel changed (visibility, shares) or the channel was deleted. */
public record ChannelAccessChanged(String channel) {}
