package de.bewertungsbox.notifier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.notify.Channel;
import de.bewertungsbox.api.notify.Recipient;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.ReviewRequest;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Caps;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.DelayUnit;
import de.bewertungsbox.api.strategy.Strategy.SendWindow;
import de.bewertungsbox.api.strategy.Strategy.Templates;

/** The notifier's e-mail path against a real SMTP server (GreenMail), with an injected clock. */
class EmailDispatchTest {
    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
    private static final UUID PROJECT = UUID.randomUUID();
    private final FakeOutbox outbox = new FakeOutbox();
    private final Fakes.TestClock clock = new Fakes.TestClock(T0);
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private GreenMail startSmtp(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private Dispatch dispatch(Strategy s, int smtpPort) {
        EmailChannelConfig mail = Fakes.config(EmailChannelConfig.class, Map.of("host", "127.0.0.1", "port", smtpPort,
                "tls", "none", "from__address", "bewertung@praxis.example", "from__name", "Praxis Grün"));
        channels.put("email", new EmailChannel(Fakes.secrets(null), outbox, mail, clock));
        NotifierConfig config = Fakes.config(NotifierConfig.class, Map.of("public__url", "https://bb.example"));
        return new Dispatch(outbox, Fakes.strategies(s), Fakes.engine(),
                Fakes.projects(new Project(PROJECT, "praxis", "Praxis Grün", "tok", "DE", T0)), channels, config,
                "node-1", clock);
    }

    private static Strategy strategy(List<Delay> reminders, Caps caps, Templates templates) {
        Strategy d = Strategy.defaults();
        return new Strategy(true, d.trigger(), d.delay(), d.channels(), null, reminders, d.conditions(), caps,
                templates);
    }

    private static Recipient to(String first, String email) {
        return new Recipient(first, "Muster", "Firma & Söhne", email, null, "Filiale Mitte", null, false);
    }

    private void sendDue(Dispatch d) {
        d.sendAll(d.claim());
    }

    @Test
    void aRequestGoesOutOnceWithUnsubscribeHeadersEscapedHtmlAndItsReminder() throws Exception {
        startSmtp(freePort());
        Dispatch d = dispatch(strategy(List.of(new Delay(3, DelayUnit.DAYS)), new Caps(0, 0, 0, 0),
                new Templates(null, null, null)), smtp.getSmtp().getPort());
        ReviewRequest r = outbox.add(PROJECT, to("<b>Jörg</b>", "joerg@example.com"), "email", 0, T0);
        sendDue(d);
        sendDue(d);
        MimeMessage[] got = smtp.getReceivedMessages();
        assertEquals(1, got.length, "sent once");
        MimeMessage m = got[0];
        assertEquals("<b>Jörg</b>, wie war Ihre Erfahrung mit Praxis Grün?", m.getSubject(), "German default");
        assertEquals("<https://bb.example/api/v1/unsubscribe/tok-" + r.id() + ">", m.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
        assertEquals("<" + r.id() + "@bewertungsbox>", m.getMessageID());
        Multipart parts = (Multipart) m.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(text.contains("Hallo <b>Jörg</b>,"), text);
        assertTrue(text.contains("https://bb.example/api/v1/r/tok-" + r.id()), text);
        assertTrue(html.contains("Hallo &lt;b&gt;Jörg&lt;/b&gt;,"), html);
        assertFalse(html.contains("<b>Jörg"), "values are escaped in HTML");
        assertTrue(html.contains("<a href=\"https://bb.example/api/v1/r/tok-" + r.id() + "\">"), html);
        assertEquals(RequestStatus.SENT, outbox.get(r.id()).status());
        ReviewRequest reminder = outbox.rows.values().stream().filter(x -> x.reminder() == 1).findFirst().orElseThrow();
        assertEquals(T0.plus(Duration.ofDays(3)), reminder.dueAt(), "the reminder follows its delay");

        clock.now = T0.plus(Duration.ofDays(3));
        sendDue(d);
        assertEquals(2, smtp.getReceivedMessages().length);
        assertTrue(smtp.getReceivedMessages()[1].getSubject().startsWith("Erinnerung: "));
    }

    @Test
    void whileTheSmtpServerIsDownRequestsWaitAndAreSentOnceItIsBack() throws Exception {
        int port = freePort();
        Dispatch d = dispatch(strategy(List.of(), new Caps(0, 0, 0, 0), new Templates("Hallo {{first_name}}",
                "Bitte bewerten: {{review_link}}", null)), port);
        List<ReviewRequest> rs = Arrays.asList(outbox.add(PROJECT, to("Anna", "anna@example.com"), "email", 0, T0),
                outbox.add(PROJECT, to("Ben", "ben@example.com"), "email", 0, T0));
        sendDue(d);
        for (ReviewRequest r : rs) {
            ReviewRequest now = outbox.get(r.id());
            assertEquals(RequestStatus.SCHEDULED, now.status());
            assertEquals(1, now.attempts());
            assertTrue(now.error().contains("unreachable"), now.error());
            assertEquals(T0.plusSeconds(60), now.dueAt(), "first retry after the base delay");
        }
        startSmtp(port);
        sendDue(d);
        assertEquals(0, smtp.getReceivedMessages().length, "not before the retry is due");
        clock.now = T0.plusSeconds(61);
        sendDue(d);
        sendDue(d);
        assertEquals(2, smtp.getReceivedMessages().length, "each request once");
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            subjects.add(m.getSubject());
        }
        subjects.sort(null);
        assertEquals(List.of("Hallo Anna", "Hallo Ben"), subjects);
        rs.forEach(r -> assertEquals(RequestStatus.SENT, outbox.get(r.id()).status()));
    }

    @Test
    void optedOutClickedCappedAndBadAddressesAreNotSent() throws Exception {
        startSmtp(freePort());
        Dispatch d = dispatch(strategy(List.of(), new Caps(1, 0, 0, 0), new Templates(null, null, null)),
                smtp.getSmtp().getPort());
        ReviewRequest out = outbox.add(PROJECT, new Recipient("Olga", null, null, "olga@example.com", null, null, T0,
                false), "email", 0, T0);
        ReviewRequest clicked = outbox.add(PROJECT, new Recipient("Carl", null, null, "carl@example.com", null, null,
                null, true), "email", 1, T0);
        ReviewRequest bad = outbox.add(PROJECT, to("Bad", "not an address"), "email", 0, T0.minusSeconds(3));
        ReviewRequest first = outbox.add(PROJECT, to("Erste", "erste@example.com"), "email", 0, T0.minusSeconds(2));
        ReviewRequest second = outbox.add(PROJECT, to("Zweite", "zweite@example.com"), "email", 0, T0.minusSeconds(1));
        sendDue(d);
        assertEquals(RequestStatus.CANCELLED, outbox.get(out.id()).status());
        assertEquals(RequestStatus.SKIPPED, outbox.get(clicked.id()).status());
        assertEquals(RequestStatus.FAILED, outbox.get(bad.id()).status());
        assertTrue(outbox.get(bad.id()).error().contains("not an e-mail address"), outbox.get(bad.id()).error());
        assertEquals(RequestStatus.SENT, outbox.get(first.id()).status());
        ReviewRequest waiting = outbox.get(second.id());
        assertEquals(RequestStatus.SCHEDULED, waiting.status());
        assertEquals(Instant.parse("2026-03-04T00:00:00Z"), waiting.dueAt(), "the daily cap moves it to tomorrow");
        assertTrue(waiting.error().contains("daily email cap of 1"), waiting.error());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void aCapWaitsForTheSendWindowsNextOpening() throws Exception {
        startSmtp(freePort());
        Strategy d0 = Strategy.defaults();
        Strategy s = new Strategy(true, d0.trigger(), d0.delay(), d0.channels(), new SendWindow("Europe/Berlin",
                Set.of(DayOfWeek.values()), LocalTime.of(9, 0), LocalTime.of(17, 0)), List.of(), d0.conditions(),
                new Caps(0, 1, 0, 0), d0.templates());
        Dispatch d = dispatch(s, smtp.getSmtp().getPort());
        outbox.add(PROJECT, to("Eins", "eins@example.com"), "email", 0, T0.minusSeconds(1));
        ReviewRequest two = outbox.add(PROJECT, to("Zwei", "zwei@example.com"), "email", 0, T0);
        sendDue(d);
        assertEquals(Instant.parse("2026-03-31T22:00:00Z"), outbox.get(two.id()).dueAt(),
                "monthly cap: the next month starts at midnight in Berlin (the fake engine adds no window)");
    }

    @Test
    void aClaimLostToAnotherNodeSendsNothing() throws Exception {
        startSmtp(freePort());
        Dispatch d = dispatch(strategy(List.of(), new Caps(0, 0, 0, 0), new Templates(null, null, null)),
                smtp.getSmtp().getPort());
        ReviewRequest r = outbox.add(PROJECT, to("Lea", "lea@example.com"), "email", 0, T0);
        outbox.loseClaims = true;
        sendDue(d);
        assertEquals(0, smtp.getReceivedMessages().length, "the unfinished DATA is dropped by the server");
        assertEquals(RequestStatus.SCHEDULED, outbox.get(r.id()).status());
        assertNull(outbox.get(r.id()).sentAt());
    }

    @Test
    void withoutAnSmtpHostMailGoesToTheSink() {
        EmailChannelConfig sinkOnly = Fakes.config(EmailChannelConfig.class, Map.of());
        channels.put("email", new EmailChannel(Fakes.secrets(null), outbox, sinkOnly, clock));
        NotifierConfig config = Fakes.config(NotifierConfig.class, Map.of());
        Dispatch d = new Dispatch(outbox, Fakes.strategies(Strategy.defaults()), Fakes.engine(),
                Fakes.projects(new Project(PROJECT, "shop", "Shop", "tok", "US", T0)), channels, config, "n", clock);
        ReviewRequest r = outbox.add(PROJECT, to("Sam", "sam@example.com"), "email", 0, T0);
        sendDue(d);
        assertEquals(RequestStatus.SENT, outbox.get(r.id()).status());
        assertEquals(1, outbox.sink.size());
        assertEquals("Sam, how was your experience with Shop?", outbox.sink.get(0).subject(), "English default");
        assertTrue(outbox.sink.get(0).mime().contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }
}
