package org.tessera.channels.application;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Files were added to or removed from one subdirectory of a channel in the current transaction.
 * After it commits, the index is updated and removed files are deleted; if it rolls back, the files
 * moved into place for it are deleted instead.
 *
 * @param added file name → index record of the published files
 * @param published the files already moved into place for {@code added}
 * @param removed file names whose rows were deleted
 */
public record ChannelChanged(String channelId, String channel, boolean conda, String subdir, Map<String, String> added, List<Path> published,
    List<String> removed) {}
