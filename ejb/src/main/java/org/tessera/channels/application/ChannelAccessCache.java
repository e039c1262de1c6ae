package org.tessera.channels.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.tessera.channels.domain.Channel;

/**
 * The channels package clients read, kept in memory between requests: serving an index or a file
 * then needs no database query to decide who may read it. An entry goes when its channel's access
 * changes (after that commits) and after a short time in any case.
 */
@ApplicationScoped
public class ChannelAccessCache {

  private static final long TTL_NANOS = Duration.ofSeconds(30).toNanos();

  private record Entry(Channel channel, long loadedAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** The detached channel of that name, from memory or from the loader; only for reading its rules. */
  Optional<Channel> get(String name, Supplier<Optional<Channel>> loader) {
    Entry entry = entries.get(name);
    if (entry != null && System.nanoTime() - entry.loadedAt() < TTL_NANOS) {
      return Optional.of(entry.channel());
    }
    Optional<Channel> loaded = loader.get();
    loaded.ifPresentOrElse(c -> entries.put(name, new Entry(c, System.nanoTime())), () -> entries.remove(name));
    return loaded;
  }

  void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) ChannelAccessChanged change) {
    entries.remove(change.channel());
  }
}
