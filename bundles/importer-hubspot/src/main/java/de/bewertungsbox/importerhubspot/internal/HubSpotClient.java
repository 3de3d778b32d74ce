package de.bewertungsbox.importerhubspot.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.api.importer.ImportCancelledException;
import de.bewertungsbox.api.importer.ImportException;

/**
 * HubSpot's CRM v3 API for one job, over the JDK HTTP client with Jackson. Rate limits are honoured as HubSpot states
 * them: {@code Retry-After} when sent, else by the body's {@code policyName} (SECONDLY: a second per attempt;
 * TEN_SECONDLY_ROLLING: the {@code X-HubSpot-RateLimit-Interval-Milliseconds} window, 10 s by default); a DAILY
 * limit ends the job, since it lifts only at the account's midnight. 5xx and network failures are retried with a
 * growing wait. 401 and 403 end the job with what to do.
 */
final class HubSpotClient {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotClient.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final HubSpotSettings settings;
    private final int maxAttempts;
    private final long delayMs;
    private final BooleanSupplier cancelled;

    HubSpotClient(HubSpotSettings settings, int maxAttempts, long delayMs, BooleanSupplier cancelled) {
        this.settings = settings;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.delayMs = Math.max(1, delayMs);
        this.cancelled = cancelled;
    }

    /** @return the JSON answer of a GET, or empty for 404 */
    Optional<JsonNode> get(String what, String pathAndQuery) throws ImportException {
        return send(what, HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    /** @return the JSON answer of a POST */
    JsonNode post(String what, String path, JsonNode body) throws ImportException {
        String json;
        try {
            json = HubSpotSettings.JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(what, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))).orElseThrow(() -> new ImportException(
                        "HubSpot answered 404 to " + what + ": check api_base"));
    }

    private URI uri(String pathAndQuery) {
        return URI.create(settings.apiBase() + pathAndQuery);
    }

    private Optional<JsonNode> send(String what, HttpRequest.Builder request) throws ImportException {
        HttpRequest r = request.header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> res;
            try {
                res = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                retryOrFail(what, attempt, delayMs * attempt, "network error: " + e.getMessage(), e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportCancelledException("interrupted while waiting for HubSpot");
            }
            int status = res.statusCode();
            if (status / 100 == 2) {
                return Optional.of(read(what, res.body()));
            }
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 401) {
                throw new ImportException("HubSpot refused the access token (401): it was deleted, rotated or "
                        + "mistyped. Put the private app's current token with PUT /importers/hubspot/config.");
            }
            if (status == 403) {
                throw new ImportException("HubSpot refused " + what + " (403): the private app needs the scope "
                        + "crm.objects.contacts.read.");
            }
            if (status == 429) {
                JsonNode body = readQuietly(res.body());
                String policy = body.path("policyName").asText("");
                if ("DAILY".equalsIgnoreCase(policy)) {
                    throw new ImportException("HubSpot's daily API limit of this account is used up; it resets at "
                            + "midnight in the account's time zone. What was read is stored; the next sync resumes.");
                }
                retryOrFail(what, attempt, rateLimitWait(res, policy, attempt), "rate limit "
                        + (policy.isEmpty() ? "" : policy + " ") + "(429)", null);
                continue;
            }
            if (status >= 500) {
                retryOrFail(what, attempt, delayMs * attempt, "HTTP " + status, null);
                continue;
            }
            JsonNode body = readQuietly(res.body());
            throw new ImportException("HubSpot refused " + what + " (" + status + "): "
                    + body.path("message").asText("no reason given"));
        }
    }

    /** How long a 429 says to wait. */
    static long rateLimitWait(HttpResponse<?> res, String policy, int attempt) {
        Optional<String> retryAfter = res.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                return Math.max(0, Long.parseLong(retryAfter.get().strip())) * 1000;
            } catch (NumberFormatException e) {
                // an HTTP date: fall through to the policy
            }
        }
        if (policy.toUpperCase(java.util.Locale.ROOT).startsWith("TEN_SECONDLY")) {
            long interval = res.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds")
                    .map(v -> {
                        try {
                            return Long.parseLong(v.strip());
                        } catch (NumberFormatException e) {
                            return 10_000L;
                        }
                    }).orElse(10_000L);
            return interval;
        }
        return 1000L * attempt;
    }

    private void retryOrFail(String what, int attempt, long waitMs, String why, Exception cause)
            throws ImportException {
        if (attempt >= maxAttempts) {
            throw new ImportException("HubSpot did not answer " + what + " after " + attempt + " attempts (" + why
                    + "). What was read before is stored; sync again later.", cause);
        }
        LOG.info("HubSpot: {} for {}; attempt {} of {} in {} ms", why, what, attempt + 1, maxAttempts, waitMs);
        long until = System.nanoTime() + waitMs * 1_000_000;
        while (System.nanoTime() < until) {
            if (cancelled.getAsBoolean()) {
                throw new ImportCancelledException("cancelled while waiting for HubSpot");
            }
            try {
                Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportCancelledException("interrupted while waiting for HubSpot");
            }
        }
    }

    private static JsonNode read(String what, byte[] body) throws ImportException {
        try {
            return HubSpotSettings.JSON.readTree(body);
        } catch (IOException e) {
            throw new ImportException("HubSpot's answer to " + what + " is not JSON: check api_base", e);
        }
    }

    private static JsonNode readQuietly(byte[] body) {
        try {
            JsonNode n = HubSpotSettings.JSON.readTree(body);
            return n == null ? HubSpotSettings.JSON.createObjectNode() : n;
        } catch (IOException e) {
            return HubSpotSettings.JSON.createObjectNode();
        }
    }
}
