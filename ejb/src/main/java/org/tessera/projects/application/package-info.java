/**
 * Project use cases: create (from a template), list, show with its anaconda-project.yml, and the
 * look-ups the git endpoint needs. Permissions come from the identity context's policy.
 */
package org.tessera.projects.application;
