package org.tessera.ldap.mappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.text.MessageFormat;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The parts of {@link DefaultGroupLDAPStorageMapperFactory} that need no running Keycloak: the
 * settings it declares and the checks that refuse a bad group before the realm is consulted. That
 * an existing group is accepted and users end up in it is for an integration test against a real
 * Keycloak and directory.
 */
class DefaultGroupLDAPStorageMapperFactoryTest {

  private final DefaultGroupLDAPStorageMapperFactory factory =
      new DefaultGroupLDAPStorageMapperFactory();

  @Test
  void providerId_isKebabCaseEndingInLdapMapper() {
    assertThat(factory.getId()).isEqualTo("tessera-default-group-ldap-mapper");
  }

  @Test
  void configProperties_declareGroupPrefilledWithEveryoneWithHelpTextAndExample() {
    assertThat(factory.getConfigProperties())
        .singleElement()
        .satisfies(
            property -> {
              assertThat(property.getName()).isEqualTo(DefaultGroupLDAPStorageMapper.GROUP);
              assertThat(property.getType()).isEqualTo(ProviderConfigProperty.GROUP_TYPE);
              assertThat(property.getDefaultValue()).isEqualTo("/everyone");
              assertThat(property.isRequired()).isTrue();
              assertThat(property.getHelpText()).contains("For example '/everyone'");
            });
  }

  @Test
  void groupPath_missingSetting_isNull() {
    assertThat(DefaultGroupLDAPStorageMapper.groupPath(new ComponentModel())).isNull();
  }

  @Test
  void groupPath_surroundingWhitespace_isTrimmed() {
    assertThat(DefaultGroupLDAPStorageMapper.groupPath(config("  /staff/data-science ")))
        .isEqualTo("/staff/data-science");
  }

  @Test
  void validateConfiguration_missingGroup_isRefusedWithExample() {
    assertThat(refusal(new ComponentModel()))
        .isEqualTo(
            "No group is configured. Enter the full path of an existing group, for example"
                + " \"/everyone\".");
  }

  @Test
  void validateConfiguration_blankGroup_isRefusedLikeMissing() {
    assertThat(refusal(config("   "))).startsWith("No group is configured.");
  }

  @Test
  void validateConfiguration_pathWithoutLeadingSlash_isRefusedWithCorrectedPath() {
    assertThat(refusal(config("everyone")))
        .isEqualTo(
            "The group \"everyone\" is not a full path. Enter the path"
                + " from the top-level group, starting with a slash, for example \"/everyone\".");
  }

  @Test
  void validateConfiguration_quotesAndBracesInPath_reachTheMessageUnchanged() {
    assertThat(refusal(config("it's {odd}")))
        .startsWith("The group \"it's {odd}\" is not a full path.");
  }

  /** The message as the admin console shows it: Keycloak runs it through MessageFormat. */
  private String refusal(ComponentModel model) {
    Throwable thrown = catchThrowable(() -> factory.validateConfiguration(null, null, model));
    assertThat(thrown).isInstanceOf(ComponentValidationException.class);
    ComponentValidationException refusal = (ComponentValidationException) thrown;
    return MessageFormat.format(refusal.getMessage(), refusal.getParameters());
  }

  private static ComponentModel config(String group) {
    ComponentModel model = new ComponentModel();
    model.getConfig().putSingle(DefaultGroupLDAPStorageMapper.GROUP, group);
    return model;
  }
}
