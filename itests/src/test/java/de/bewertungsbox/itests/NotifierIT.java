package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * The strategy and the notifier in the assembled distribution ({@code bin/karaf server}), sending to a real SMTP
 * server (GreenMail) in the test's JVM: customers imported under an enabled strategy are asked; Karaf killed with
 * SIGKILL in the middle of sending still delivers every request exactly once after its restart (counted at the SMTP
 * server); the links in the messages record clicks and opt customers out; own SMTP settings hide the BCC address.
 */
public class NotifierIT {
    private static final int CUSTOMERS = 400;
    private static GreenMail smtp;
    private static KarafServer karaf;

    @BeforeClass
    public static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(ItestSupport.freePort()), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        karaf = new KarafServer("notifier-test");
        karaf.set("etc/de.bewertungsbox.notifier.email.cfg", "host", "127.0.0.1");
        karaf.set("etc/de.bewertungsbox.notifier.email.cfg", "port", String.valueOf(smtp.getSmtp().getPort()));
        karaf.set("etc/de.bewertungsbox.notifier.email.cfg", "tls", "none");
        karaf.set("etc/de.bewertungsbox.notifier.cfg", "poll_seconds", "1");
        karaf.set("etc/de.bewertungsbox.notifier.cfg", "batch_size", "10");
        // Long claims: after the kill, requests come back because the restarted node releases its own claims.
        karaf.set("etc/de.bewertungsbox.notifier.cfg", "claim_timeout_seconds", "3600");
        karaf.set("etc/de.bewertungsbox.strategy.cfg", "evaluate_seconds", "1");
        karaf.start();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static String project(String name) throws Exception {
        return KarafServer.json(karaf.admin("POST", "projects", "{\"name\":\"" + name + "\"}", 201)).get("api_key")
                .asText();
    }

    private static int received(String domain) {
        int n = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().endsWith(domain)) {
                    n++;
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    private static void await(String what, int minutes, java.util.concurrent.Callable<Boolean> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (!done.call()) {
            assertTrue(what, System.nanoTime() < deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    @Test
    public void everyDueRequestIsSentExactlyOnceAcrossAKill() throws Exception {
        String key = project("Kill Praxis");
        HttpResponse<String> s = karaf.call(key, "PUT", "strategy", "{\"enabled\":true,\"trigger\":\"signup\","
                + "\"delay\":{\"amount\":0,\"unit\":\"minutes\"},\"channels\":[\"email\"]}");
        assertEquals(s.body(), 200, s.statusCode());
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < CUSTOMERS; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"first_name\":\"Kunde ").append(i)
                    .append("\",\"email\":\"k").append(i).append("@kill.example\"}");
        }
        HttpResponse<String> r = karaf.call(key, "POST", "customers", batch.append("]").toString());
        assertEquals(r.body(), 200, r.statusCode());

        await("sending started", 2, () -> received("@kill.example") >= 40);
        karaf.kill();
        int beforeRestart = received("@kill.example");
        assertTrue("killed in the middle of sending: " + beforeRestart, beforeRestart < CUSTOMERS);
        karaf.start();
        await("every request delivered after the restart", 3, () -> received("@kill.example") >= CUSTOMERS);
        TimeUnit.SECONDS.sleep(3);

        Map<String, Integer> perAddress = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
            if (to.endsWith("@kill.example")) {
                perAddress.merge(to, 1, Integer::sum);
            }
        }
        assertEquals("every customer got a message", CUSTOMERS, perAddress.size());
        perAddress.forEach((to, n) -> assertEquals("messages to " + to, 1, n.intValue()));
        JsonNode sent = karaf.get(key, "requests?status=sent&limit=1000");
        assertEquals(CUSTOMERS, sent.get("data").size());
        assertEquals(0, karaf.get(key, "requests?status=scheduled").get("data").size());
    }

    @Test
    public void linksRecordClicksAndOptOutsAndOwnSmtpHidesTheBccAddress() throws Exception {
        String key = project("Link Laden");
        HttpResponse<String> patch = karaf.call(key, "PATCH", "settings",
                "{\"review_url\":\"https://g.page/r/link-laden/review\"}");
        assertEquals(patch.body(), 200, patch.statusCode());
        JsonNode c = KarafServer.json(karaf.call(key, "POST", "customers", "{\"first_name\":\"Lina\","
                + "\"email\":\"lina@link.example\"}").body());
        HttpResponse<String> ask = karaf.call(key, "POST", "requests", "{\"customer_id\":\"" + c.get("id").asText()
                + "\",\"channels\":[\"email\"]}");
        assertEquals(ask.body(), 201, ask.statusCode());
        await("the request is delivered", 1, () -> received("@link.example") >= 1);
        MimeMessage m = null;
        for (MimeMessage x : smtp.getReceivedMessages()) {
            if (x.getRecipients(Message.RecipientType.TO)[0].toString().endsWith("@link.example")) {
                m = x;
            }
        }
        assertEquals("<" + KarafServer.json(ask.body()).get("data").get(0).get("id").asText() + "@bewertungsbox>",
                m.getMessageID());
        String body = GreenMailUtil.getBody(m);
        Matcher review = Pattern.compile(Pattern.quote(karaf.base()) + "/api/v1/r/([a-z0-9]+)").matcher(body);
        assertTrue(body, review.find());
        HttpResponse<String> click = KarafServer.send(HttpRequest.newBuilder(URI.create(review.group())).GET());
        assertEquals(302, click.statusCode());
        assertEquals("https://g.page/r/link-laden/review", click.headers().firstValue("Location").orElse(""));
        String unsubscribe = m.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        HttpResponse<String> out = KarafServer.send(HttpRequest.newBuilder(URI.create(unsubscribe))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertEquals(out.body(), 200, out.statusCode());
        assertFalse(karaf.get(key, "customers/" + c.get("id").asText()).get("opted_out_at").isNull());
        HttpResponse<String> again = karaf.call(key, "POST", "requests", "{\"customer_id\":\"" + c.get("id").asText()
                + "\"}");
        assertEquals(again.body(), 422, again.statusCode());

        assertTrue(karaf.get(key, "settings").get("bcc_address").asText().contains("@"));
        HttpResponse<String> own = karaf.call(key, "PUT", "settings/smtp", "{\"host\":\"smtp.laden.example\","
                + "\"port\":587,\"username\":\"laden\",\"password\":\"s3cret-smtp\",\"tls\":\"starttls\","
                + "\"from_address\":\"info@laden.example\"}");
        assertEquals(own.body(), 200, own.statusCode());
        assertFalse(own.body(), own.body().contains("s3cret-smtp"));
        JsonNode settings = karaf.get(key, "settings");
        assertTrue(settings.get("bcc_address").isNull());
        assertTrue(settings.get("smtp").get("password_set").asBoolean());
        assertNull(settings.get("smtp").get("password"));
        assertTrue(karaf.get(key, "me").get("bcc_address").isNull());
        HttpResponse<String> bad = karaf.call(key, "PUT", "settings/smtp", "{\"host\":\"\",\"tls\":\"tls1.3\"}");
        assertEquals(bad.body(), 422, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("\"host\"") && bad.body().contains("\"tls\"")
                && bad.body().contains("\"from_address\""));
    }
}
