/** The runtimes: local processes and Kubernetes pods. */
package org.tessera.runtime.infrastructure;
