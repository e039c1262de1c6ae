package org.tessera.channels.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.channels.domain.Channel;
import org.tessera.channels.domain.ChannelAccessDeniedException;
import org.tessera.channels.domain.InvalidChannelRequestException;
import org.tessera.channels.domain.MirrorConfig;
import org.tessera.channels.domain.MirrorConfigParser;
import org.tessera.channels.domain.MirrorKind;
import org.tessera.channels.domain.MirrorResult;
import org.tessera.channels.domain.MirrorRun;
import org.tessera.channels.domain.MirrorRunNotFoundException;
import org.tessera.channels.infrastructure.ChannelRows;
import org.tessera.channels.infrastructure.MirrorRows;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;

/** Mirror runs over their rows; the copying itself is {@link MirrorWorker}'s. */
@Stateless
@Local(MirrorService.class)
@PermitAll
public class MirrorServiceBean implements MirrorService {

  static final int MAX_RESULTS = 5000;

  @Inject MirrorRows runs;
  @Inject ChannelRows channels;
  @Inject Event<MirrorQueued> queued;
  @EJB PermissionService permissions;
  @EJB AuditService audit;

  @Override
  public MirrorRunView start(UserProfile caller, String kind, String config, boolean clean) {
    MirrorKind mirrorKind = MirrorKind.parse(kind).orElseThrow(() -> new InvalidChannelRequestException("type", "A mirror's type is conda or pypi."));
    MirrorConfig parsed = MirrorConfigParser.parse(mirrorKind, config);
    permissions.check(caller, Permission.UPLOAD_PACKAGES);
    OffsetDateTime now = OffsetDateTime.now();
    Optional<Channel> existing = channels.byName(parsed.destination());
    if (existing.isPresent()) {
      Channel channel = existing.get();
      if (channel.type() != mirrorKind.channelType()) {
        throw new InvalidChannelRequestException(mirrorKind == MirrorKind.CONDA ? "dest_channel" : "user", "Channel " + channel.name() + " is a "
            + channel.type().pathSegment() + " channel; a " + mirrorKind.label() + " mirror needs a " + mirrorKind.label() + " channel, so name another destination.");
      }
      if (!channel.writableBy(caller.username(), caller.groups(), caller.hasRole(Roles.ADMIN))) {
        throw new ChannelAccessDeniedException("You may not add packages to channel " + channel.name() + "; ask its owner " + channel.owner()
            + " to share it with you read-write, or mirror into another channel.");
      }
    } else {
      // The seed: "If the channel doesn't already exist, it will be automatically created and shared with all authenticated users."
      channels.add(new Channel(parsed.destination(), mirrorKind.channelType(), caller.username(), false, now));
      audit.record(AuditRecord.success(caller.username(), "channels.created", "channel:" + parsed.destination() + " " + mirrorKind.label() + " public (mirror)", null));
    }
    MirrorRun run = new MirrorRun(mirrorKind, config, clean, parsed.destination(), caller.username(), now);
    runs.add(run);
    queued.fire(new MirrorQueued(run.id()));
    audit.record(AuditRecord.success(caller.username(), "channels.mirror-started", "mirror:" + run.id() + " " + mirrorKind.label() + " into channel:" + run.destChannel()
        + (clean ? " clean" : ""), null));
    return view(run, false);
  }

  @Override
  public List<MirrorRunView> list(UserProfile caller) {
    return runs.all(isAdmin(caller) ? null : caller.username()).stream().map(r -> view(r, false)).toList();
  }

  @Override
  public MirrorRunView get(UserProfile caller, String id) {
    return view(visible(caller, id), true);
  }

  @Override
  public List<MirrorRunView.LogLine> logs(UserProfile caller, String id, long after, int max) {
    MirrorRun run = visible(caller, id);
    return runs.logs(run.id(), after, Math.max(1, Math.min(max, 10_000))).stream()
        .map(l -> new MirrorRunView.LogLine(l.seq(), l.loggedAt().toInstant(), l.line())).toList();
  }

  @Override
  public MirrorRunView cancel(UserProfile caller, String id) {
    visible(caller, id);
    MirrorRun run = runs.locked(id).orElseThrow();
    run.requestCancel(OffsetDateTime.now());
    audit.record(AuditRecord.success(caller.username(), "channels.mirror-cancelled", "mirror:" + run.id(), null));
    return view(run, false);
  }

  private MirrorRun visible(UserProfile caller, String id) {
    return runs.byId(id).filter(r -> isAdmin(caller) || r.owner().equals(caller.username()))
        .orElseThrow(() -> new MirrorRunNotFoundException("There is no mirror run " + id + " of yours; list the runs with GET /api/v1/mirrors."));
  }

  private static boolean isAdmin(UserProfile caller) {
    return caller.hasRole(Roles.ADMIN);
  }

  private MirrorRunView view(MirrorRun run, boolean withResults) {
    List<MirrorRunView.Result> results = withResults
        ? runs.results(run.id(), MAX_RESULTS).stream().map(MirrorServiceBean::result).toList()
        : List.of();
    return new MirrorRunView(run.id(), run.kind().label(), run.destChannel(), run.owner(), run.status().label(), run.clean(), run.cancelRequested(), run.total(),
        run.done(), run.skipped(), run.failed(), run.removed(), run.message(), run.config(), instant(run.createdAt()), instant(run.startedAt()),
        instant(run.finishedAt()), results);
  }

  private static MirrorRunView.Result result(MirrorResult r) {
    return new MirrorRunView.Result(r.packageName(), r.file(), r.outcome().label(), r.message(), r.recordedAt().toInstant());
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
