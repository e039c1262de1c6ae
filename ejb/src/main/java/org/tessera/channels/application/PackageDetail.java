package org.tessera.channels.application;

import java.util.List;

/** A package's page: its files by version and the command that installs it from the channel. */
public record PackageDetail(String channel, String type, String name, String latestVersion, List<String> versions, List<String> platforms,
    long downloads, String installCommand, List<PackageFileView> files) {}
