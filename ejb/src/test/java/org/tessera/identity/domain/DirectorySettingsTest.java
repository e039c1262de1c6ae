package org.tessera.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

public class DirectorySettingsTest {

  /** A self-signed CA made with openssl for these tests. */
  public static final String CA_PEM =
          "-----BEGIN CERTIFICATE-----\n"
          + "MIIBiDCCAS+gAwIBAgIUH13MI5Y4xwxdUuwIZfQlls076ZswCgYIKoZIzj0EAwIw\n"
          + "GjEYMBYGA1UEAwwPVGVzc2VyYSB0ZXN0IENBMB4XDTI2MTEyNTA4MzAwOFoXDTM2\n"
          + "MTEyMjA4MzAwOFowGjEYMBYGA1UEAwwPVGVzc2VyYSB0ZXN0IENBMFkwEwYHKoZI\n"
          + "zj0CAQYIKoZIzj0DAQcDQgAEBuUfKcrKe4kO1QaNx3jLnSTgH8aIxYGUho4oLEUa\n"
          + "HYpvZy8wQqBZsnIiLJQ/2I+hLEr5tdnpQ0UUbMo5zcRmhqNTMFEwHQYDVR0OBBYE\n"
          + "FLJDoL33MIOGxGhAFpAx+QpRX4FlMB8GA1UdIwQYMBaAFLJDoL33MIOGxGhAFpAx\n"
          + "+QpRX4FlMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgLD2x1IOj\n"
          + "miadc0mcg53cc4FT89watBILSWaHaPDeM1ECIGS+VTxYPI1sdyYdGqILjknEWkQg\n"
          + "aFm1SIrLrtxBi400\n"
          + "-----END CERTIFICATE-----\n";

  static DirectorySettings minimal(String vendor) {
    return new DirectorySettings("corp", vendor, "ldap://127.0.0.1:10389", null, "cn=admin,dc=example,dc=com", "secret", "ou=people,dc=example,dc=com",
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  static InvalidDirectoryException refusal(DirectorySettings settings) {
    try {
      settings.completed(true);
    } catch (InvalidDirectoryException e) {
      return e;
    }
    throw new AssertionError("accepted: " + settings);
  }

  @Test
  void the_other_preset_fills_openldap_defaults_and_read_only() {
    DirectorySettings s = minimal(null).completed(true);

    assertThat(s.vendor()).isEqualTo("other");
    assertThat(s.usernameLDAPAttribute()).isEqualTo("uid");
    assertThat(s.rdnLDAPAttribute()).isEqualTo("uid");
    assertThat(s.uuidLDAPAttribute()).isEqualTo("entryUUID");
    assertThat(s.userObjectClasses()).isEqualTo("inetOrgPerson, organizationalPerson");
    assertThat(s.editMode()).isEqualTo("READ_ONLY");
    assertThat(s.searchScope()).isEqualTo("1");
    assertThat(s.enabled()).isTrue();
    assertThat(s.pagination()).isFalse();
    assertThat(s.fullSyncPeriod()).isEqualTo(-1);
  }

  @Test
  void the_active_directory_preset_uses_sam_account_name_object_guid_and_user() {
    DirectorySettings s = minimal("ad").completed(true);

    assertThat(s.usernameLDAPAttribute()).isEqualTo("sAMAccountName");
    assertThat(s.rdnLDAPAttribute()).isEqualTo("cn");
    assertThat(s.uuidLDAPAttribute()).isEqualTo("objectGUID");
    assertThat(s.userObjectClasses()).isEqualTo("person, organizationalPerson, user");
    assertThat(s.vendorPreset().groupObjectClass()).isEqualTo("group");
  }

  @Test
  void red_hat_directory_server_uses_nsuniqueid() {
    assertThat(minimal("rhds").completed(true).uuidLDAPAttribute()).isEqualTo("nsuniqueid");
  }

  @Test
  void given_values_win_over_the_preset() {
    DirectorySettings given = new DirectorySettings("corp", "ad", "ldaps://dc1.example.com", null, "cn=svc,dc=example,dc=com", "s", "dc=example,dc=com",
        "cn", "cn", "objectGUID", "user", "(memberOf=cn=staff,dc=example,dc=com)", "subtree", "writable", true, 500, 3600, 600, false, "ou=groups,dc=example,dc=com", null);

    DirectorySettings s = given.completed(true);

    assertThat(s.usernameLDAPAttribute()).isEqualTo("cn");
    assertThat(s.searchScope()).isEqualTo("2");
    assertThat(s.editMode()).isEqualTo("WRITABLE");
    assertThat(s.enabled()).isFalse();
    assertThat(s.batchSizeForSync()).isEqualTo(500);
  }

  @Test
  void a_url_that_is_not_ldap_is_refused_naming_connection_url() {
    InvalidDirectoryException e = refusal(new DirectorySettings("corp", "other", "http://ldap.example.com", null, "cn=a,dc=x", "s", "dc=x",
        null, null, null, null, null, null, null, null, null, null, null, null, null, null));

    assertThat(e.problems()).extracting(InvalidDirectoryException.FieldProblem::field).containsExactly("connectionUrl");
    assertThat(e.getMessage()).contains("ldap://").contains("ldaps://");
  }

  @Test
  void missing_bind_dn_and_password_are_both_named() {
    InvalidDirectoryException e = refusal(new DirectorySettings("corp", "other", "ldap://h:389", null, null, null, "dc=x",
        null, null, null, null, null, null, null, null, null, null, null, null, null, null));

    assertThat(e.problems()).extracting(InvalidDirectoryException.FieldProblem::field).containsExactly("bindDn", "bindCredential");
  }

  @Test
  void an_update_may_keep_the_stored_password() {
    DirectorySettings noPassword = new DirectorySettings("corp", "other", "ldap://h:389", null, "cn=a,dc=x", null, "dc=x",
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    assertThat(noPassword.completed(false).bindCredential()).isNull();
  }

  @Test
  void search_filters_must_be_parenthesised_and_balanced() {
    assertThat(DirectorySettings.filterProblem("(objectClass=person)")).isEmpty();
    assertThat(DirectorySettings.filterProblem("(&(objectClass=person)(!(cn=svc\\29)))")).isEmpty();
    assertThat(DirectorySettings.filterProblem("objectClass=person")).get().asString().contains("start with '('");
    assertThat(DirectorySettings.filterProblem("(&(objectClass=person)")).get().asString().contains("unclosed");
    assertThat(DirectorySettings.filterProblem("(a=b))")).get().asString().contains("after its closing");
    assertThat(DirectorySettings.filterProblem("(a=b)(c=d)")).get().asString().contains("(&...)");
  }

  @Test
  void unknown_vendor_scope_edit_mode_and_short_periods_are_refused_together() {
    InvalidDirectoryException e = refusal(new DirectorySettings("corp", "novell", "ldap://h", null, "cn=a,dc=x", "s", "dc=x",
        null, null, null, null, "objectClass=person", "deep", "SOMETIMES", null, 0, 5, null, null, "groups", "not a pem"));

    assertThat(e.problems()).extracting(InvalidDirectoryException.FieldProblem::field)
        .containsExactlyInAnyOrder("vendor", "searchScope", "customUserSearchFilter", "editMode", "batchSizeForSync", "fullSyncPeriod", "groupsDn", "caCertificatePem");
    assertThat(e.getMessage()).contains("8 directory settings are invalid");
  }

  @Test
  void names_and_dns_must_look_right() {
    InvalidDirectoryException e = refusal(new DirectorySettings("corp/ldap", "other", "ldap://h", null, "admin", "s", " ",
        null, null, "entry UUID", null, null, null, null, null, null, null, null, null, null, null));

    assertThat(e.problems()).extracting(InvalidDirectoryException.FieldProblem::field).containsExactlyInAnyOrder("name", "bindDn", "usersDn", "uuidLDAPAttribute");
  }

  @Test
  void a_pem_ca_certificate_is_accepted() {
    DirectorySettings withCa = new DirectorySettings("corp", "other", "ldaps://ldap.example.com:636", null, "cn=a,dc=x", "s", "dc=x",
        null, null, null, null, null, null, null, null, null, null, null, null, null, CA_PEM);

    assertThat(withCa.completed(true).caCertificatePem()).contains("BEGIN CERTIFICATE");
  }

  @Test
  void sync_modes_are_full_by_default_or_changed() {
    assertThat(SyncMode.parse(null)).isEqualTo(SyncMode.FULL);
    assertThat(SyncMode.parse("changed").keycloakAction()).isEqualTo("triggerChangedUsersSync");
    assertThatThrownBy(() -> SyncMode.parse("partial")).isInstanceOf(InvalidDirectoryException.class).hasMessageContaining("mode=full or mode=changed");
  }

  @Test
  void startTls_isKeptForAnLdapUrlAndOffByDefault() {
    DirectorySettings startTls = new DirectorySettings("corp", "ad", "ldap://dc1.example.com:389", true, "cn=a,dc=x", "s", "dc=x",
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    assertThat(startTls.completed(true).startTls()).isTrue();
    assertThat(minimal("other").completed(true).startTls()).isFalse();
  }

  @Test
  void startTls_withAnLdapsUrl_isRefusedSayingWhichToUse() {
    InvalidDirectoryException e = refusal(new DirectorySettings("corp", "ad", "ldaps://dc1.example.com:636", true, "cn=a,dc=x", "s", "dc=x",
        null, null, null, null, null, null, null, null, null, null, null, null, null, null));

    assertThat(e.problems()).extracting(InvalidDirectoryException.FieldProblem::field).containsExactly("startTls");
    assertThat(e.getMessage()).contains("ldap://HOST:389 with StartTLS").contains("turn StartTLS off");
  }
}
