package de.bewertungsbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The BCC receiver in the assembled distribution ({@code bin/karaf server}), fed by a real SMTP client (Angus Mail)
 * as a sender's mail server would: a receipt becomes customers, the same message again imports nothing, a message
 * without recipients ends as a failed job with its reason, and unknown addresses are refused.
 */
public class BccIT {
    private static KarafServer karaf;
    private static String smtpPort;
    private static String apiKey;
    private static String bccAddress;

    @BeforeClass
    public static void start() throws Exception {
        karaf = new KarafServer("bcc-test");
        smtpPort = ItestSupport.freePort();
        karaf.set("etc/de.bewertungsbox.importer.bcc.cfg", "port", smtpPort);
        karaf.start();
        JsonNode p = KarafServer.json(karaf.admin("POST", "projects", "{\"name\":\"BCC Laden\"}", 201));
        apiKey = p.get("api_key").asText();
        bccAddress = p.get("bcc_address").asText();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    private static void deliver(String messageId, String to, String rcpt) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", smtpPort);
        MimeMessage m = new MimeMessage(Session.getInstance(props)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress("rechnung@laden.example", "Laden"));
        if (to != null) {
            m.setHeader("To", to);
        }
        m.setSubject("Ihre Quittung");
        m.setText("Danke!", "UTF-8");
        m.saveChanges();
        try (Transport t = m.getSession().getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, new InternetAddress[] {new InternetAddress(rcpt)});
        }
    }

    /** Waits for the newest bcc job beyond {@code known} jobs and returns it when finished. */
    private static JsonNode nextJob(int known) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            JsonNode jobs = karaf.get(apiKey, "imports").get("data");
            if (jobs.size() > known) {
                return karaf.awaitJob(apiKey, jobs.get(0).get("id").asText(), 1);
            }
            assertTrue("no import job for the message", System.nanoTime() < deadline);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    @Test
    public void receiptsBecomeCustomersOnce() throws Exception {
        assertTrue(bccAddress, bccAddress.endsWith("@bcc.bewertungsbox.local"));
        deliver("<q1@laden.example>", "=?UTF-8?B?SsO8cmdlbiBXw6RnbmVy?= <juergen@example.com>, "
                + "Kundschaft: Carla Cruz <carla@example.com>;, ohne-name@example.com", bccAddress);
        JsonNode job = nextJob(0);
        assertEquals(job.toString(), "completed", job.get("status").asText());
        assertEquals("bcc", job.get("importer").asText());
        assertEquals(2, job.get("created").asLong());
        assertEquals(1, job.get("rejected").asLong());
        JsonNode juergen = karaf.get(apiKey, "customers?email=juergen@example.com").get("data").get(0);
        assertEquals("Jürgen", juergen.get("first_name").asText());
        assertEquals("[\"bcc\"]", juergen.get("sources").toString());

        deliver("<q1@laden.example>", "Jürgen Wägner <juergen@example.com>", bccAddress);
        TimeUnit.SECONDS.sleep(1);
        assertEquals("the same Message-ID imports once", 1, karaf.get(apiKey, "imports").get("data").size());

        deliver("<q2@laden.example>", null, bccAddress);
        JsonNode none = nextJob(1);
        assertEquals(none.toString(), "failed", none.get("status").asText());
        assertTrue(none.toString(), none.get("error").asText().contains("neither To nor Cc"));

        try {
            deliver("<q3@laden.example>", "X Y <x@example.com>", "nobody123456@bcc.bewertungsbox.local");
            throw new AssertionError("an unknown BCC address was accepted");
        } catch (SendFailedException expected) {
            assertTrue(expected.getNextException().getMessage(), expected.getNextException().getMessage()
                    .contains("550"));
        }
        String log = Files.readString(karaf.home.resolve("data/log/karaf.log"));
        assertFalse("no ERROR in karaf.log", log.contains("| ERROR |"));
    }
}
