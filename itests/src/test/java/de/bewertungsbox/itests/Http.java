package de.bewertungsbox.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the REST tests: the JDK's client against Karaf's HTTP port. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, body text, and one header lookup. */
    record Answer(int status, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String auth;

    private Http(String auth) {
        this.auth = auth;
    }

    static Http anonymous() {
        return new Http(null);
    }

    static Http key(String apiKey) {
        return new Http("Bearer " + apiKey);
    }

    static Http admin(String user, String password) {
        return new Http("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static String url(String path) {
        return "http://127.0.0.1:" + System.getProperty("bb.itest.http.port") + "/api/v1/" + path;
    }

    Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    Answer delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
    }

    Answer post(String path, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer post(String path, String contentType, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer json(String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer send(HttpRequest.Builder b) throws Exception {
        if (auth != null) {
            b.header("Authorization", auth);
        }
        HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r);
    }
}
