package de.bewertungsbox.notifier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.notify.Channel;
import de.bewertungsbox.api.notify.Recipient;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.ReviewRequest;
import de.bewertungsbox.api.strategy.Strategy;

/** The SMS channel against a local Twilio-shaped gateway. */
class SmsDispatchTest {
    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
    private static final UUID PROJECT = UUID.randomUUID();
    private final FakeOutbox outbox = new FakeOutbox();
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<String> auth = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private Dispatch dispatch;

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/2010-04-01/Accounts/AC123/Messages.json", ex -> {
            Map<String, String> form = new ConcurrentHashMap<>();
            for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            String to = form.get("To");
            int status = to.endsWith("0000") ? 400 : to.endsWith("5030") ? 503 : 201;
            String body = status == 400 ? "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\","
                    + "\"status\":400}" : status == 503 ? "{\"message\":\"Service unavailable\"}" : "{\"sid\":\"SM1\"}";
            if (status == 201) {
                received.add(form);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        gateway.start();
        SmsChannelConfig sms = Fakes.config(SmsChannelConfig.class, Map.of("base__url", "http://127.0.0.1:"
                + gateway.getAddress().getPort() + "/", "account__sid", "AC123", "auth__token", "geheim",
                "from", "+4930123456"));
        Map<String, Channel> channels = new ConcurrentHashMap<>(Map.of("sms", new SmsChannel(sms)));
        Strategy d = Strategy.defaults();
        Strategy s = new Strategy(true, d.trigger(), d.delay(), List.of(Strategy.Channel.SMS), null, List.of(),
                d.conditions(), d.caps(), d.templates());
        dispatch = new Dispatch(outbox, Fakes.strategies(s), Fakes.engine(),
                Fakes.projects(new Project(PROJECT, "cafe", "Café Ost", "tok", "DE", T0)), channels,
                Fakes.config(NotifierConfig.class, Map.of("public__url", "https://bb.example")), "n",
                new Fakes.TestClock(T0));
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    private ReviewRequest add(String phone) {
        return outbox.add(PROJECT, new Recipient("Mia", null, null, null, phone, null, null, false), "sms", 0, T0);
    }

    @Test
    void anSmsGoesToTheGatewayAndGatewayErrorsAreSortedIntoRetryAndFailure() {
        ReviewRequest ok = add("+4915112345678");
        ReviewRequest invalid = add("+4915100000000");
        ReviewRequest busy = add("+4915100005030");
        ReviewRequest none = outbox.add(PROJECT, new Recipient("Ohne", null, null, "o@example.com", null, null, null,
                false), "sms", 0, T0);
        dispatch.sendAll(dispatch.claim());

        assertEquals(1, received.size());
        Map<String, String> form = received.get(0);
        assertEquals("+4915112345678", form.get("To"));
        assertEquals("+4930123456", form.get("From"));
        assertTrue(form.get("Body").startsWith("Hallo Mia, wie war es bei Café Ost?"), form.get("Body"));
        assertTrue(form.get("Body").contains("https://bb.example/api/v1/r/tok-" + ok.id()), form.get("Body"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("AC123:geheim".getBytes(StandardCharsets.UTF_8)),
                auth.get(0));
        assertEquals(RequestStatus.SENT, outbox.get(ok.id()).status());
        assertEquals(RequestStatus.FAILED, outbox.get(invalid.id()).status());
        assertTrue(outbox.get(invalid.id()).error().contains("code 21211"), outbox.get(invalid.id()).error());
        assertEquals(RequestStatus.SCHEDULED, outbox.get(busy.id()).status(), "503 is retried");
        assertEquals(T0.plusSeconds(60), outbox.get(busy.id()).dueAt());
        assertEquals(RequestStatus.SKIPPED, outbox.get(none.id()).status());
    }
}
