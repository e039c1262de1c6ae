package org.tessera.channels.rest.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import org.tessera.channels.application.ChannelView;

/** A channel, with the URL clients use ({@code url}) and what the caller may do with it. */
public record ChannelResponse(String name, String type, String owner, @JsonbProperty("private") boolean isPrivate, Instant createdAt, Instant updatedAt,
    long files, List<ChannelView.ShareView> shares, boolean canWrite, boolean canManage, String url) {

  public static ChannelResponse from(ChannelView view, String baseUrl) {
    return new ChannelResponse(view.name(), view.type(), view.owner(), view.isPrivate(), view.createdAt(), view.updatedAt(), view.files(), view.shares(),
        view.canWrite(), view.canManage(), baseUrl + view.path());
  }
}
