/** Projects' contact with the file system and git: safe extraction of uploaded archives. */
package org.tessera.projects.infrastructure;
