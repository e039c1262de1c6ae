package org.tessera.cli.client;

import java.time.Duration;

/** Waits between polls; tests pass one that only advances a fake clock. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return Thread::sleep;
    }
}
