/**
 * Servlet-level plumbing of the web application: which OIDC client configuration a request uses (code flow for the UI, bearer-only for /api), the platform settings the launcher passes in, and error pages.
 */
package org.tessera.shared.web;
