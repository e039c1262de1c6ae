package org.tessera.projects.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Refuses a push whose new commits carry a file larger than the limit, naming the file. JGit's own
 * object size limit aborts while the client is still sending, so git shows only "broken pipe";
 * checking after the pack is in lets git print our reason. The refused objects stay unreferenced
 * until the repository is garbage-collected.
 */
public final class FileSizeLimitHook implements PreReceiveHook {

  private final long maxBytes;

  public FileSizeLimitHook(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void onPreReceive(ReceivePack pack, Collection<ReceiveCommand> commands) {
    List<ObjectId> pushed = commands.stream().map(ReceiveCommand::getNewId).filter(id -> !id.equals(ObjectId.zeroId())).toList();
    oversized(pack.getRepository(), pushed, ref -> true, maxBytes).ifPresent(reason -> {
      for (ReceiveCommand command : commands) {
        command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason);
      }
    });
  }

  /**
   * The first file over {@code maxBytes} among the objects reachable from {@code tips} that the
   * refs accepted by {@code known} do not reach yet, as a reason that names it; empty when all fit.
   */
  public static Optional<String> oversized(Repository repository, Collection<ObjectId> tips, Predicate<Ref> known, long maxBytes) {
    try (ObjectWalk walk = new ObjectWalk(repository)) {
      for (ObjectId tip : tips) {
        walk.markStart(walk.parseAny(tip));
      }
      for (Ref ref : repository.getRefDatabase().getRefs()) {
        if (ref.getObjectId() != null && known.test(ref)) {
          walk.markUninteresting(walk.parseAny(ref.getObjectId()));
        }
      }
      while (walk.next() != null) {
        // Commits first; their trees and blobs follow from nextObject().
      }
      for (RevObject object = walk.nextObject(); object != null; object = walk.nextObject()) {
        if (object.getType() == Constants.OBJ_BLOB) {
          long size = walk.getObjectReader().getObjectSize(object, Constants.OBJ_BLOB);
          if (size > maxBytes) {
            return Optional.of(walk.getPathString() + " is " + megabytes(size) + " MB, larger than the " + megabytes(maxBytes)
                + " MB file size limit; remove it from the commits and push again");
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes as whole megabytes, rounded up, for messages that name a size. */
  static long megabytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
