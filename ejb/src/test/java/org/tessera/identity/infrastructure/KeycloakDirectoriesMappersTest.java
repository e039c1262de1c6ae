package org.tessera.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessera.identity.domain.DirectorySettings;
import org.tessera.identity.domain.InvalidGroupRulesException;
import org.tessera.identity.domain.StockMapper;

class KeycloakDirectoriesMappersTest {

  private static DirectorySettings settings(String vendor, String groupsDn) {
    return new DirectorySettings("corp", vendor, "ldap://h:389", null, "cn=b,dc=x", "pw", "ou=people,dc=x", null, null, null, null, null, null, null, null, null, null, null, null,
        groupsDn, null).completed(true);
  }

  @Test
  void providerConfig_startTls_turnsConnectionPoolingOffAndBackOn() {
    DirectorySettings startTls = new DirectorySettings("corp", "ad", "ldap://dc1:389", true, "cn=b,dc=x", "pw", "ou=people,dc=x", null, null, null, null, null, null, null, null, null, null, null, null,
        null, null).completed(true);

    var withTls = KeycloakDirectories.providerConfig(startTls, Map.of());
    assertThat(withTls.get("startTls")).containsExactly("true");
    assertThat(withTls.get("connectionPooling")).as("Keycloak refuses both").containsExactly("false");
    var without = KeycloakDirectories.providerConfig(settings("ad", null), withTls);
    assertThat(without.get("startTls")).containsExactly("false");
    assertThat(without.get("connectionPooling")).containsExactly("true");
  }

  @Test
  void keycloaksRefusal_namingALine_isAProblemOnThatRow() {
    InvalidGroupRulesException e = KeycloakDirectories.refusedRules("Line 2: the realm role \"ae-wizard\" does not exist in realm \"tessera\". Create it first or fix the name.");
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("rules[1]");
      assertThat(p.message()).startsWith("Rule 2: the realm role \"ae-wizard\"");
    });
    assertThat(KeycloakDirectories.refusedRules("something else").problems().get(0).field()).isEqualTo("rules");
  }

  @Test
  void roleMapper_defaultsToTheGroupsDnAndTheVendorsGroupClass() {
    var ad = KeycloakDirectories.stockMapperConfig(StockMapper.ROLE, settings("ad", "ou=groups,dc=x"));
    assertThat(ad.get("roles.dn")).containsExactly("ou=groups,dc=x");
    assertThat(ad.get("role.object.classes")).containsExactly("group");
    assertThat(ad.get("membership.user.ldap.attribute")).containsExactly("sAMAccountName");
    assertThat(ad.get("user.roles.retrieve.strategy")).containsExactly("LOAD_ROLES_BY_MEMBER_ATTRIBUTE_RECURSIVELY");
    var other = KeycloakDirectories.stockMapperConfig(StockMapper.ROLE, settings("other", null));
    assertThat(other).doesNotContainKey("roles.dn");
    assertThat(other.get("role.object.classes")).containsExactly("groupOfNames");
    assertThat(other.get("user.roles.retrieve.strategy")).containsExactly("LOAD_ROLES_BY_MEMBER_ATTRIBUTE");
  }

  @Test
  void groupMapper_withoutGroupsDn_leavesItForTheAdmin_andHardcodedRoleHasNoDefaultRole() {
    assertThat(KeycloakDirectories.stockMapperConfig(StockMapper.GROUP, settings("rhds", null))).doesNotContainKey("groups.dn").containsEntry("mode", List.of("READ_ONLY"));
    assertThat(KeycloakDirectories.stockMapperConfig(StockMapper.HARDCODED_ROLE, settings("other", null))).isEmpty();
  }
}
