package org.tessera.channels.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.tessera.channels.infrastructure.ChannelRows;

/**
 * Counts downloads in memory and writes them every few seconds, so serving a package file costs
 * no database write; counts not yet written are added to what the pages show.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DownloadCounter {

  private final Map<String, LongAdder> pending = new ConcurrentHashMap<>();

  @Inject ChannelRows rows;

  public void count(String fileId) {
    pending.computeIfAbsent(fileId, k -> new LongAdder()).increment();
  }

  public long pending(String fileId) {
    LongAdder adder = pending.get(fileId);
    return adder == null ? 0 : adder.sum();
  }

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void flush() {
    pending.forEach((fileId, adder) -> {
      long n = adder.sumThenReset();
      if (n > 0) {
        rows.addDownloads(fileId, n);
      }
    });
  }
}
