/**
 * The runtime SPI: what a workload is (a project checkout, a command, its environment, files and a
 * resource profile) and the operations every runtime offers. Sessions, deployments and jobs use
 * only these types; {@code local} and {@code kubernetes} implement them.
 */
package org.tessera.runtime.domain;
