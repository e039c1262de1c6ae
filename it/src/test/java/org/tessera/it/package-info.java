/**
 * Black-box integration tests of the platform that {@code ./tessera up} starts: {@link
 * org.tessera.it.Platform} runs the real launcher on test ports under {@code it/target}, and the
 * tests talk to it over HTTP, the CLI and a headless browser, as users and clients would.
 */
package org.tessera.it;
