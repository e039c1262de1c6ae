package org.tessera.channels.application;

/** A mirror run was queued (or must be resumed); it is started once the transaction commits. */
public record MirrorQueued(String runId) {}
