package org.tessera.it.arquillian;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Minimal EARs for in-container ITs, made of what the build produced rather than of classes
 * picked one by one: the real {@code tessera-ejb} jar (entities, services, {@code persistence.xml}
 * and the Flyway scripts) and the real EAR's {@code lib/} (EclipseLink, Flyway, Jackson), plus
 * the test WAR. Both come from the module targets, so {@code mvn install -DskipTests -pl ejb,ear
 * -am} must have run; the web module stays out, and with it OIDC and REST.
 */
final class TesseraDeployment {

  private static final Path ROOT =
      Path.of(System.getProperty("tessera.root", "..")).toAbsolutePath().normalize();

  private TesseraDeployment() {}

  /** The EAR {@code name.ear} with the EJB module, the EAR libraries and {@code tests}. */
  static EnterpriseArchive with(String name, WebArchive tests) {
    EnterpriseArchive ear = ShrinkWrap.create(EnterpriseArchive.class, name + ".ear");
    ear.addAsModule(ejbJar().toFile(), "tessera-ejb.jar");
    ShrinkWrap.create(ZipImporter.class, "tessera.ear")
        .importFrom(built(ROOT.resolve("ear/target/tessera.ear")).toFile())
        .as(EnterpriseArchive.class)
        .getContent(Filters.include("/lib/[^/]+\\.jar"))
        .forEach((path, node) -> ear.add(node.getAsset(), path));
    ear.addAsModule(tests);
    ear.setApplicationXML(new StringAsset(applicationXml(tests.getName())));
    return ear;
  }

  /** A test WAR with the given classes, CDI enabled, and AssertJ for the in-container asserts. */
  static WebArchive tests(String name, Class<?>... classes) {
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addClasses(classes)
        .addAsLibraries(jarOf(Assertions.class).toFile())
        .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
  }

  private static Path ejbJar() {
    Path target = ROOT.resolve("ejb/target");
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "tessera-ejb-*.jar")) {
      found.forEach(jars::add);
    } catch (IOException e) {
      throw new IllegalStateException(missing(target), e);
    }
    if (jars.size() != 1) {
      throw new IllegalStateException(missing(target) + " Found: " + jars);
    }
    return built(jars.get(0));
  }

  private static Path built(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(missing(file));
    }
    return file;
  }

  private static String missing(Path path) {
    return path + " is missing: build it first with mvn install -DskipTests -pl ejb,ear -am.";
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot locate the jar of " + type, e);
    }
  }

  private static String applicationXml(String war) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
          <initialize-in-order>true</initialize-in-order>
          <module><ejb>tessera-ejb.jar</ejb></module>
          <module><web><web-uri>%s</web-uri><context-root>/%s</context-root></web></module>
          <library-directory>lib</library-directory>
        </application>
        """
        .formatted(war, war.replaceFirst("\\.war$", ""));
  }

  private static final String BEANS_XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
      """;
}
