/** Serving channels to conda, pip and twine clients at {@code /repository}, and the channel pages. */
package org.tessera.channels.web;
