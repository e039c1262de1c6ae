package org.tessera.shared.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /api}; versioned resources live under {@code /api/v1}. */
@ApplicationPath("/api")
public class TesseraApi extends Application {}
