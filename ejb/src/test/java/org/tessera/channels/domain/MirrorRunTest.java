package org.tessera.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class MirrorRunTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T00:00:00Z");

  private static MirrorRun run() {
    return new MirrorRun(MirrorKind.CONDA, "dest_channel: main\n", true, "main", "ada", NOW);
  }

  @Test
  void aNewRunIsQueuedWithTheYamlAsGiven() {
    MirrorRun run = run();
    assertThat(run.status()).isEqualTo(MirrorStatus.QUEUED);
    assertThat(run.config()).isEqualTo("dest_channel: main\n");
    assertThat(run.clean()).isTrue();
    assertThat(run.id()).hasSize(16);
  }

  @Test
  void cancellingAQueuedRunCancelsItAtOnce() {
    MirrorRun run = run();
    run.requestCancel(NOW);
    assertThat(run.status()).isEqualTo(MirrorStatus.CANCELLED);
    assertThat(run.finishedAt()).isEqualTo(NOW);
  }

  @Test
  void cancellingARunningRunAsksItToStopAfterTheCurrentFile() {
    MirrorRun run = run();
    run.start(NOW);
    run.requestCancel(NOW);
    assertThat(run.status()).isEqualTo(MirrorStatus.RUNNING);
    assertThat(run.cancelRequested()).isTrue();
  }

  @Test
  void aResumedRunCountsAgainFromItsSelection() {
    MirrorRun run = run();
    run.start(NOW);
    run.selected(3);
    run.published();
    run.failedFile();
    run.start(NOW.plusMinutes(5));
    assertThat(run.done()).isZero();
    assertThat(run.failed()).isZero();
    assertThat(run.startedAt()).isEqualTo(NOW);
  }

  @Test
  void aFinishedRunCannotBeCancelledOrStartedAgain() {
    MirrorRun run = run();
    run.start(NOW);
    run.finish(MirrorStatus.SUCCEEDED, "done", NOW);
    assertThatThrownBy(() -> run.requestCancel(NOW)).isInstanceOf(MirrorFinishedException.class).hasMessageContaining("succeeded");
    assertThatThrownBy(() -> run.start(NOW)).isInstanceOf(MirrorFinishedException.class);
    assertThatThrownBy(() -> run.finish(MirrorStatus.RUNNING, null, NOW)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void logLinesAreNumberedInOrder() {
    MirrorRun run = run();
    assertThat(run.nextLogLine()).isZero();
    assertThat(run.nextLogLine()).isEqualTo(1);
  }
}
