/**
 * Package channels: conda channels and PyPI indexes that sessions, deployments, jobs and cluster
 * nodes install from. Files live on disk; rows describe them; the indexes clients read
 * ({@code repodata.json}, the simple index) are derived from the rows and never half-written.
 */
package org.tessera.channels;
