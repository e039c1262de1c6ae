/**
 * The {@code tessera} command line: {@link org.tessera.cli.TesseraCli} parses the arguments with
 * picocli and maps failures to exit codes, and each verb ({@code config}, {@code login},
 * {@code logout}, {@code whoami}, ...) is one small command class that reads its options, calls the
 * shared client layer in {@code org.tessera.cli.client} and prints the result. Verbs reach streams,
 * environment and clients only through {@link org.tessera.cli.CliContext}, so the whole CLI runs
 * in-process for tests.
 */
package org.tessera.cli;
