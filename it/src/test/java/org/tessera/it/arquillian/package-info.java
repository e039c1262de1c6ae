/**
 * In-container integration tests of the application services: one Arquillian IT per service runs
 * inside a WildFly that Arquillian starts from the unpacked dist ({@code arquillian.xml}), against
 * a minimal EAR made of the real {@code tessera-ejb} jar, the real EAR's {@code lib/} and a test
 * WAR ({@link org.tessera.it.arquillian.TesseraDeployment}), on an H2 datasource that {@link
 * org.tessera.it.arquillian.H2DatasourceSetup} adds before deployment and removes after.
 */
package org.tessera.it.arquillian;
