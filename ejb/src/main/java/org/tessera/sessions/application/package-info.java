/** Session use cases: start, stop, list, logs, commit and fetch, and the proxy's access decision. */
package org.tessera.sessions.application;
