package org.tessera.channels.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tessera.channels.domain.Channel;
import org.tessera.channels.domain.ChannelType;
import org.tessera.channels.infrastructure.ChannelRows;
import org.tessera.channels.infrastructure.CondaIndexFiles;

/**
 * Rebuilds every conda index from the rows shortly after WildFly starts. An index is written after
 * its transaction commits; if the server stopped between the two, the committed file would stay
 * unlisted until the next change to its subdirectory. The rebuild also loads the records into
 * memory, so the first upload after a start does not pay for it.
 */
@Singleton
@Startup
public class ChannelIndexRecovery {

  private static final Logger LOG = Logger.getLogger(ChannelIndexRecovery.class.getName());

  @Resource TimerService timers;
  @Inject ChannelRows rows;
  @Inject CondaIndexFiles indexes;

  @PostConstruct
  void schedule() {
    timers.createSingleActionTimer(5_000, new TimerConfig("channel-index-recovery", false));
  }

  @Timeout
  void rebuild() {
    for (Channel channel : rows.all()) {
      if (channel.type() != ChannelType.CONDA) {
        continue;
      }
      try {
        indexes.rebuild(channel.name(), rows.files(channel.id()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not rebuild the indexes of channel " + channel.name() + "; POST /api/v1/channels/" + channel.name() + "/reindex retries", e);
      }
    }
  }
}
