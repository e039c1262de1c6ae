package org.tessera.channels.rest.dto;

import java.util.List;
import org.tessera.channels.application.ChannelTransferService;

/** What an import published, and what it skipped because the channel had it already. */
public record ImportResponse(String channel, String type, boolean created, List<String> published, List<String> skipped) {

  public static ImportResponse from(ChannelTransferService.ImportReport r) {
    return new ImportResponse(r.channel(), r.type(), r.created(), r.published(), r.skipped());
  }
}
