package org.tessera.deployments.web;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts the deployments' proxy into the web application: {@link DeploymentTokenHeader} before
 * WildFly's security, {@link DeploymentProxyHandler} after it (so a browser's sign-in is known)
 * and before any servlet.
 */
public class DeploymentProxyExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    deployment.addInitialHandlerChainWrapper(DeploymentTokenHeader::new);
    deployment.addInnerHandlerChainWrapper(DeploymentProxyHandler::new);
  }
}
