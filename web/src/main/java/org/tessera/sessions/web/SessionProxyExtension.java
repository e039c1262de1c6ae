package org.tessera.sessions.web;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link SessionProxyHandler} into the web application's handler chain after WildFly's
 * security (so the request is authenticated) and before any servlet.
 */
public class SessionProxyExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    deployment.addInnerHandlerChainWrapper(SessionProxyHandler::new);
  }
}
