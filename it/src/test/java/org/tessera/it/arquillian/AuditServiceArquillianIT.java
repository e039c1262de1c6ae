package org.tessera.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditEvent;
import org.tessera.audit.domain.AuditEvent.Outcome;
import org.tessera.audit.domain.AuditPage;
import org.tessera.audit.domain.AuditQuery;
import org.tessera.audit.domain.InvalidAuditQueryException;
import org.tessera.shared.infrastructure.SchemaMigrator;

/**
 * {@link AuditService} in WildFly: the real EJB, JPA repository on EclipseLink and Flyway schema,
 * on an in-memory H2 database that {@link H2DatasourceSetup} adds.
 *
 * <p>The test methods run unauthenticated, like any in-container caller without a signed-in user;
 * they call as an administrator through {@link AsAdministrator}, whose {@code @RunAs("ae-admin")}
 * WildFly 39 honours with its default configuration: EJBs without a security domain of their own
 * use the ejb3 subsystem's default {@code other} application security domain, mapped to Elytron's
 * {@code ApplicationDomain}, and the run-as role is added to the identity for the calls the bean
 * makes. No {@code jboss-ejb3.xml} or {@code @SecurityDomain} is needed.
 *
 * <p>An invalid query never reaches the service: {@link AuditQuery} refuses itself when built,
 * so the REST layer and this test meet the same {@link InvalidAuditQueryException}.
 *
 * <p>The database lives as long as the server, so each test writes under actors of its own.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(H2DatasourceSetup.class)
class AuditServiceArquillianIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return TesseraDeployment.with(
        "audit-service-it",
        TesseraDeployment.tests(
            "audit-service-it", AuditServiceArquillianIT.class, AsAdministrator.class, H2DatasourceSetup.class));
  }

  @Inject AuditService audit;

  @Inject AsAdministrator admin;

  @Resource(lookup = SchemaMigrator.DATASOURCE)
  DataSource database;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** An actor name no other test or run uses. */
  private String actor(String name) {
    return name + "-" + run;
  }

  private static AuditQuery byActor(String actor) {
    return new AuditQuery(actor, null, null, null, 0, 50);
  }

  private static List<String> actions(AuditPage page) {
    return page.events().stream().map(AuditEvent::action).toList();
  }

  private static List<String> targets(AuditPage page) {
    return page.events().stream().map(AuditEvent::target).toList();
  }

  /** The time in the event's row, read past JPA and its cache. */
  private OffsetDateTime storedTime(AuditEvent event) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT occurred_at FROM audit_event WHERE id = ?")) {
      select.setLong(1, event.id());
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("row of event %s", event.id()).isTrue();
        return row.getObject(1, OffsetDateTime.class);
      }
    }
  }

  @Test
  void a_recorded_event_is_found_newest_first_with_its_fields_and_its_stored_utc_time() throws SQLException {
    String alice = actor("alice");
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    audit.record(AuditRecord.success(alice, "project.create", "project:alpha", "10.0.0.7"));
    audit.record(
        new AuditRecord(alice, "project.delete", "project:alpha", "10.0.0.8", Outcome.FAILURE, "HTTP 409"));
    OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC);

    AuditPage page = admin.search(byActor(alice));

    assertThat(page.total()).isEqualTo(2);
    assertThat(actions(page)).containsExactly("project.delete", "project.create");
    AuditEvent deleted = page.events().get(0);
    assertThat(deleted.id()).isNotNull();
    assertThat(deleted.actor()).isEqualTo(alice);
    assertThat(deleted.target()).isEqualTo("project:alpha");
    assertThat(deleted.clientAddress()).isEqualTo("10.0.0.8");
    assertThat(deleted.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(deleted.detail()).isEqualTo("HTTP 409");
    AuditEvent created = page.events().get(1);
    assertThat(created.clientAddress()).isEqualTo("10.0.0.7");
    assertThat(created.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(created.detail()).isNull();
    for (AuditEvent event : page.events()) {
      assertThat(event.occurredAt().getOffset()).isEqualTo(ZoneOffset.UTC);
      assertThat(event.occurredAt().toInstant()).isBetween(before.toInstant(), after.toInstant());
      assertThat(event.occurredAt().toInstant()).isEqualTo(storedTime(event).toInstant());
    }
  }

  @Test
  void the_actor_filter_matches_the_whole_actor_name_only() {
    String erin = actor("erin");
    audit.record(AuditRecord.success(erin, "project.create", "project:one", null));
    audit.record(AuditRecord.success(erin + "x", "project.create", "project:two", null));
    audit.record(AuditRecord.success("x" + erin, "project.create", "project:three", null));

    AuditPage page = admin.search(byActor(erin));

    assertThat(page.total()).isEqualTo(1);
    assertThat(targets(page)).containsExactly("project:one");
  }

  @Test
  void the_action_filter_matches_a_prefix_with_wildcards_taken_literally() {
    String frank = actor("frank");
    audit.record(AuditRecord.success(frank, "identity.sign-in", "session:1", null));
    audit.record(AuditRecord.success(frank, "api.post", "/api/v1/projects", null));
    audit.record(AuditRecord.success(frank, "identity.sign-out", "session:1", null));

    AuditPage identity = admin.search(new AuditQuery(frank, "identity", null, null, 0, 50));
    AuditPage signIn = admin.search(new AuditQuery(frank, "identity.sign-in", null, null, 0, 50));
    AuditPage underscore = admin.search(new AuditQuery(frank, "identity_sign", null, null, 0, 50));
    AuditPage percent = admin.search(new AuditQuery(frank, "%sign", null, null, 0, 50));

    assertThat(actions(identity)).containsExactly("identity.sign-out", "identity.sign-in");
    assertThat(identity.total()).isEqualTo(2);
    assertThat(actions(signIn)).containsExactly("identity.sign-in");
    assertThat(underscore.total()).isZero();
    assertThat(percent.total()).isZero();
  }

  @Test
  void the_time_window_includes_from_and_excludes_to() {
    String grace = actor("grace");
    audit.record(AuditRecord.success(grace, "project.create", "first", null));
    audit.record(AuditRecord.success(grace, "project.create", "second", null));
    audit.record(AuditRecord.success(grace, "project.create", "third", null));
    List<AuditEvent> newestFirst = admin.search(byActor(grace)).events();
    OffsetDateTime first = newestFirst.get(2).occurredAt();
    OffsetDateTime second = newestFirst.get(1).occurredAt();
    OffsetDateTime third = newestFirst.get(0).occurredAt();
    assertThat(first).as("events recorded one after the other").isBefore(second);
    assertThat(second).as("events recorded one after the other").isBefore(third);

    AuditPage between = admin.search(new AuditQuery(grace, null, second, third, 0, 50));
    AuditPage fromSecond = admin.search(new AuditQuery(grace, null, second, null, 0, 50));
    AuditPage untilSecond = admin.search(new AuditQuery(grace, null, null, second, 0, 50));
    AuditPage instant = admin.search(new AuditQuery(grace, null, second, second, 0, 50));

    assertThat(targets(between)).containsExactly("second");
    assertThat(targets(fromSecond)).containsExactly("third", "second");
    assertThat(targets(untilSecond)).containsExactly("first");
    assertThat(instant.total()).isZero();
  }

  @Test
  void pages_split_the_matches_newest_first_and_carry_the_total() {
    String heidi = actor("heidi");
    for (int i = 0; i < 5; i++) {
      audit.record(AuditRecord.success(heidi, "project.create", "project:" + i, null));
    }

    AuditPage first = admin.search(new AuditQuery(heidi, null, null, null, 0, 2));
    AuditPage second = admin.search(new AuditQuery(heidi, null, null, null, 1, 2));
    AuditPage last = admin.search(new AuditQuery(heidi, null, null, null, 2, 2));
    AuditPage beyond = admin.search(new AuditQuery(heidi, null, null, null, 3, 2));

    assertThat(targets(first)).containsExactly("project:4", "project:3");
    assertThat(targets(second)).containsExactly("project:2", "project:1");
    assertThat(targets(last)).containsExactly("project:0");
    assertThat(beyond.events()).isEmpty();
    for (AuditPage page : List.of(first, second, last, beyond)) {
      assertThat(page.total()).isEqualTo(5);
      assertThat(page.size()).isEqualTo(2);
    }
    assertThat(List.of(first.page(), second.page(), last.page(), beyond.page())).containsExactly(0, 1, 2, 3);
  }

  @Test
  void search_without_the_admin_role_is_refused_by_the_service() {
    AuditQuery everything = new AuditQuery(null, null, null, null, 0, 10);

    // WildFly logs the refusal as a WFLYEJB0034 ERROR in the server log; that is expected here.

    assertThatThrownBy(() -> audit.search(everything)).isInstanceOf(EJBAccessException.class);
  }

  @Test
  void record_is_allowed_for_a_caller_without_any_role() {
    String ivan = actor("ivan");

    audit.record(AuditRecord.success(ivan, "identity.sign-in", "session:9", "192.0.2.1"));

    assertThat(actions(admin.search(byActor(ivan)))).containsExactly("identity.sign-in");
  }

  @Test
  void a_page_size_of_zero_is_refused_naming_size() {
    assertThatThrownBy(() -> admin.search(new AuditQuery(null, null, null, null, 0, 0)))
        .isInstanceOfSatisfying(
            InvalidAuditQueryException.class, e -> assertThat(e.field()).isEqualTo("size"));
  }

  @Test
  void a_negative_page_is_refused_naming_page() {
    assertThatThrownBy(() -> admin.search(new AuditQuery(null, null, null, null, -1, 10)))
        .isInstanceOfSatisfying(
            InvalidAuditQueryException.class, e -> assertThat(e.field()).isEqualTo("page"));
  }

  @Test
  void a_reversed_time_range_is_refused_naming_from() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    assertThatThrownBy(() -> admin.search(new AuditQuery(null, null, now, now.minusHours(1), 0, 10)))
        .isInstanceOfSatisfying(
            InvalidAuditQueryException.class, e -> assertThat(e.field()).isEqualTo("from"));
  }
}
