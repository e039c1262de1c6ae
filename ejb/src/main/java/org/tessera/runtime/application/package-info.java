/** Runtime use cases: resource profiles and the choice of runtime. */
package org.tessera.runtime.application;
