package org.tessera.cli.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one Jackson configuration of the CLI. */
public final class Json {

    private Json() {
    }

    /**
     * A mapper that ignores unknown properties, because servers add fields to their answers, and
     * indents what it writes, because people read the credentials file when something goes wrong.
     */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
