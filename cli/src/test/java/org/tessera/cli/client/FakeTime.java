package org.tessera.cli.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when its {@link #sleeper()} is asked to sleep, which records every wait. */
public final class FakeTime extends Clock {

    private volatile Instant now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public FakeTime(Instant start) {
        this.now = start;
    }

    public FakeTime() {
        this(Instant.parse("2025-01-01T12:00:00Z"));
    }

    public Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            now = now.plus(duration);
        };
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
