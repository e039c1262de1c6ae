package org.tessera.channels.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.tessera.channels.domain.PackageFile;
import org.tessera.channels.infrastructure.ChannelRows;

/**
 * Reads a subdirectory's rows for {@link ChannelIndexer}, which runs after the changing
 * transaction committed: the thread still carries that finished transaction, which the entity
 * manager cannot join ("Synchronizations are not allowed"), so the read gets one of its own.
 */
@Stateless
@PermitAll
public class ChannelIndexRows {

  @Inject ChannelRows rows;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<PackageFile> filesIn(String channelId, String subdir) {
    return rows.filesIn(channelId, subdir);
  }
}
