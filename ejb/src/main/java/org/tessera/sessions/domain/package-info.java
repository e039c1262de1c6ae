/** Editor sessions: a user's Jupyter (or other editor) on a project checkout, behind the proxy. */
package org.tessera.sessions.domain;
