package org.tessera.identity.rest.dto;

import java.util.List;
import java.util.function.Function;
import org.tessera.identity.domain.EventPage;

/** One page of events, newest first; {@code more} says whether the next page has any. */
public record EventPageResponse<R>(List<R> events, int page, int size, boolean more) {

  public static <E, R> EventPageResponse<R> from(EventPage<E> p, Function<E, R> map) {
    return new EventPageResponse<>(p.events().stream().map(map).toList(), p.page(), p.size(), p.more());
  }
}
