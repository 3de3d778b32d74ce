package de.bewertungsbox.api.importer;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An HTTP request a source sent to the project's webhook address, exactly as received.
 *
 * @param projectId the project named in the address
 * @param method    the HTTP method, upper case
 * @param uri       the full URI the sender addressed (scheme, host, path, query), for signatures that cover it
 * @param headers   the request headers, names in lower case (first value of each)
 * @param body      the raw body, byte for byte
 */
public record WebhookRequest(UUID projectId, String method, URI uri, Map<String, String> headers, byte[] body) {
    /** Makes the headers immutable. */
    public WebhookRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * @param name a header name, any case
     * @return its value when present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
