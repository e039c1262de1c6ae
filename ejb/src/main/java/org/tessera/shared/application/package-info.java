/**
 * Cross-cutting application services: platform health and who is calling. Each service is the transaction and role boundary for its use cases.
 */
package org.tessera.shared.application;
