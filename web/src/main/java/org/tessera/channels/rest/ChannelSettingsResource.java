package org.tessera.channels.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tessera.channels.application.ChannelSettingsService;
import org.tessera.channels.domain.InvalidChannelRequestException;
import org.tessera.channels.rest.dto.ChannelSettingsBody;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.rest.ApiCallers;

/** {@code /api/v1/admin/channel-settings}: channel alias, default conda channels and pip indexes (ae-admin). */
@Path("/v1/admin/channel-settings")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelSettingsResource {

  @EJB ChannelSettingsService settings;
  @Inject CurrentUser currentUser;

  @GET
  public ChannelSettingsBody get() {
    ApiCallers.admin(currentUser);
    return ChannelSettingsBody.from(settings.settings());
  }

  /** Replaces all four settings; send the ones to keep too (GET first). */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public ChannelSettingsBody put(ChannelSettingsBody body) {
    UserProfile caller = ApiCallers.admin(currentUser);
    if (body == null || (body.channelAlias() == null && body.defaultChannels() == null && body.pypiIndex() == null && body.extraIndexUrls() == null)) {
      throw new InvalidChannelRequestException("channelAlias", "Send the settings, e.g. {\"channelAlias\": null, \"defaultChannels\": [\"main\"], \"pypiIndex\": \"pypi\", \"extraIndexUrls\": []};"
          + " GET them first to keep what you do not change.");
    }
    return ChannelSettingsBody.from(settings.update(caller, body.channelAlias(), body.defaultChannels(), body.pypiIndex(), body.extraIndexUrls()));
  }
}
