package org.tessera.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An RFC 9457 problem document, the one error shape the Tessera API answers with. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, Integer status, String detail, String instance,
        List<FieldError> errors) {

    /** One invalid field of a request, from the {@code errors} extension. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    /**
     * The text after {@code Error: }: {@code title: detail}, then one indented line per field
     * error. {@code fallbackTitle} stands in when the server sent no title.
     */
    public String render(String fallbackTitle) {
        StringBuilder text = new StringBuilder(isBlank(title) ? fallbackTitle : title);
        if (!isBlank(detail)) {
            text.append(": ").append(detail);
        }
        if (errors != null) {
            for (FieldError error : errors) {
                text.append(System.lineSeparator()).append("  ");
                if (!isBlank(error.field())) {
                    text.append(error.field()).append(": ");
                }
                text.append(error.message());
            }
        }
        return text.toString();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
