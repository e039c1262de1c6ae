package org.tessera.deployments.application;

/** A deployment's access, routes or tokens changed: the proxy forgets what it kept about it. */
public record DeploymentChanged(String deploymentId) {}
