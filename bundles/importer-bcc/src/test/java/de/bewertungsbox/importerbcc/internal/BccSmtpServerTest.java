package de.bewertungsbox.importerbcc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportReport;
import de.bewertungsbox.api.importer.ImportService;
import de.bewertungsbox.api.importer.ImportStatus;

/** The receiver on a real socket, spoken to by a real SMTP client (Angus Mail) and by hand for broken sessions. */
class BccSmtpServerTest {
    static final String DOMAIN = "bcc.bewertungsbox.local";
    final Project shop = project("shoptoken1234567890abcd");
    final Project ownSmtp = project("owntoken1234567890abcde");

    /** A job the receiver started. */
    record Started(UUID project, Map<String, String> parameters, byte[] message) {
    }

    final List<Started> started = new CopyOnWriteArrayList<>();
    final Set<String> delivered = ConcurrentHashMap.newKeySet();
    BccSmtpServer server;

    static Project project(String token) {
        return new Project(UUID.randomUUID(), token.substring(0, 4), token, token, "DE", Instant.now());
    }

    void start(int perMinute, int maxMb, int maxRecipients) throws Exception {
        start(config(perMinute, maxMb, maxRecipients, "", "", false));
    }

    void start(BccConfig config) throws Exception {
        ProjectStore projects = proxy(ProjectStore.class, (m, a) -> m.equals("findByBccToken")
                ? Optional.ofNullable(a[0].equals(shop.bccToken()) ? shop : a[0].equals(ownSmtp.bccToken()) ? ownSmtp
                : null) : null);
        SecretStore secrets = proxy(SecretStore.class, (m, a) -> m.equals("get")
                ? Optional.ofNullable(a[0].equals(ownSmtp.id()) && a[1].equals(SecretStore.PROJECT_SMTP) ? "{}" : null)
                : null);
        ImportService imports = proxy(ImportService.class, (m, a) -> switch (m) {
            case "firstDelivery" -> {
                boolean any = false;
                for (Object id : (List<?>) a[2]) {
                    any |= delivered.add(a[0] + "/" + id);
                }
                yield any;
            }
            case "start" -> {
                try {
                    started.add(new Started((UUID) a[0], ((ImportOptions) a[2]).parameters(),
                            ((InputStream) a[3]).readAllBytes()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                yield new ImportJob(UUID.randomUUID(), (UUID) a[0], "bcc", ImportStatus.QUEUED,
                        new ImportReport(0, 0, 0, 0, 0, List.of(), List.of()), null, false, -1, Instant.now(), null,
                        null);
            }
            default -> null;
        });
        server = new BccSmtpServer(config, projects, secrets, imports,
                java.time.Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> answer.apply(m.getName(), a));
    }

    static BccConfig config(int perMinute, int maxMb, int maxRecipients, String keystore, String password,
                            boolean requireTls) {
        return new BccConfig() {
            @Override public Class<? extends Annotation> annotationType() { return BccConfig.class; }
            @Override public int port() { return 0; }
            @Override public String bind__address() { return "127.0.0.1"; }
            @Override public String domain() { return DOMAIN; }
            @Override public String hostname() { return "bcc.test"; }
            @Override public int max__message__mb() { return maxMb; }
            @Override public int max__recipients() { return maxRecipients; }
            @Override public int max__connections() { return 20; }
            @Override public int max__connections__per__client() { return 5; }
            @Override public int messages__per__minute() { return perMinute; }
            @Override public String keystore__path() { return keystore; }
            @Override public String keystore__password() { return password; }
            @Override public boolean require__tls() { return requireTls; }
        };
    }

    /** Delivers as a sender's mail server does to our MX: the envelope names only our BCC addresses. */
    void deliver(MimeMessage m, String... bcc) throws Exception {
        InternetAddress[] to = new InternetAddress[bcc.length];
        for (int i = 0; i < bcc.length; i++) {
            to[i] = new InternetAddress(bcc[i]);
        }
        m.saveChanges();
        try (Transport t = m.getSession().getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, to);
        }
    }

    MimeMessage receipt(String id, String... bcc) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(server.port()));
        Session s = Session.getInstance(p);
        MimeMessage m = new MimeMessage(s) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(new InternetAddress("rechnung@baeckerei.de", "Bäckerei"));
        m.setRecipients(Message.RecipientType.TO, new InternetAddress[] {
            new InternetAddress("anna@example.com", "Anna Schmidt", "UTF-8")});
        for (String b : bcc) {
            m.addRecipient(Message.RecipientType.BCC, new InternetAddress(b));
        }
        m.setSubject("Ihre Rechnung");
        m.setText("Danke für Ihren Einkauf!", "UTF-8");
        return m;
    }

    @Test
    void aReceiptBccdToAProjectStartsOneJobAndTheSameMessageAgainNone() throws Exception {
        start(60, 10, 100);
        deliver(receipt("<r1@baeckerei.de>"), shop.bccToken() + "@" + DOMAIN);
        assertEquals(1, started.size());
        assertEquals(shop.id(), started.get(0).project());
        assertEquals(DOMAIN, started.get(0).parameters().get("domain"));
        assertTrue(new String(started.get(0).message(), StandardCharsets.UTF_8).contains("Anna Schmidt"));
        deliver(receipt("<r1@baeckerei.de>"), shop.bccToken() + "@" + DOMAIN);
        assertEquals(1, started.size(), "the same Message-ID imports once");
    }

    @Test
    void unknownAddressesOtherDomainsAndProjectsWithOwnSmtpAreRefusedAtRcpt() throws Exception {
        start(60, 10, 100);
        try (Smtp c = new Smtp(server.port())) {
            c.expect("220");
            c.send("EHLO client.test").expectLast("250");
            c.send("MAIL FROM:<a@shop.test>").expect("250");
            assertTrue(c.send("RCPT TO:<someone@gmail.com>").line().startsWith("550 5.7.1 relaying denied"));
            assertTrue(c.send("RCPT TO:<nosuchtoken123@" + DOMAIN + ">").line().startsWith("550 5.1.1"));
            assertTrue(c.send("RCPT TO:<" + ownSmtp.bccToken() + "@" + DOMAIN + ">").line()
                    .contains("BCC import is off"));
            assertTrue(c.send("DATA").line().startsWith("503"), "no valid recipient, no data");
        }
        SendFailedException e = assertThrows(SendFailedException.class, () -> deliver(receipt("<r2@x>"),
                "nosuchtoken123@" + DOMAIN));
        assertTrue(e.getMessage() != null);
        assertEquals(0, started.size());
    }

    @Test
    void limitsOnSizeRecipientsAndRate() throws Exception {
        start(2, 1, 2);
        try (Smtp c = new Smtp(server.port())) {
            c.expect("220");
            c.send("EHLO client.test").expectLast("250");
            c.send("MAIL FROM:<a@shop.test>").expect("250");
            c.send("RCPT TO:<" + shop.bccToken() + "@" + DOMAIN + ">").expect("250");
            c.send("RCPT TO:<" + shop.bccToken() + "@" + DOMAIN + ">").expect("250");
            assertTrue(c.send("RCPT TO:<" + shop.bccToken() + "@" + DOMAIN + ">").line().startsWith("452"));
            c.send("DATA").expect("354");
            String line = "x".repeat(998) + "\r\n";
            for (int i = 0; i < 1200; i++) {
                c.raw(line);
            }
            String reply = c.send(".").line();
            assertTrue(reply.startsWith("552"), "bigger than 1 MB: " + reply);
        }
        try (Smtp c = new Smtp(server.port())) {
            c.expect("220");
            c.send("HELO client.test").expect("250");
            c.send("MAIL FROM:<a@shop.test>").expect("250");
            c.send("RSET").expect("250");
            String third = c.send("MAIL FROM:<a@shop.test>").line();
            assertTrue(third.startsWith("450"), "the third message this minute: " + third);
        }
        assertEquals(0, started.size());
    }

    @Test
    void aClientThatDisconnectsMidDataImportsNothingAndThePortStaysUp() throws Exception {
        start(60, 10, 100);
        try (Smtp c = new Smtp(server.port())) {
            c.expect("220");
            c.send("HELO client.test").expect("250");
            c.send("MAIL FROM:<a@shop.test>").expect("250");
            c.send("RCPT TO:<" + shop.bccToken() + "@" + DOMAIN + ">").expect("250");
            c.send("DATA").expect("354");
            c.raw("From: a@shop.test\r\nTo: Half Way <half@example.com>\r\n\r\nand then");
        }
        Thread.sleep(200);
        assertEquals(0, started.size());
        deliver(receipt("<r3@baeckerei.de>"), shop.bccToken() + "@" + DOMAIN);
        assertEquals(1, started.size(), "the next client is served");
    }

    @Test
    void withAKeystoreStartTlsIsOfferedAndCanBeRequired(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path ks = dir.resolve("bcc.p12");
        Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "bcc", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=bcc.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass",
                "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        start(config(60, 10, 100, ks.toString(), "changeit", true));
        try (Smtp c = new Smtp(server.port())) {
            c.expect("220");
            c.send("EHLO client.test");
            boolean offered = false;
            String line = c.line();
            while (line.startsWith("250-")) {
                offered |= line.contains("STARTTLS");
                line = c.next();
            }
            assertTrue(offered || line.contains("STARTTLS"), "STARTTLS is offered");
            assertTrue(c.send("MAIL FROM:<a@shop.test>").line().startsWith("530"), "plain mail is refused");
        }
        MimeMessage m = receipt("<tls1@baeckerei.de>");
        m.getSession().getProperties().put("mail.smtp.starttls.enable", "true");
        m.getSession().getProperties().put("mail.smtp.starttls.required", "true");
        m.getSession().getProperties().put("mail.smtp.ssl.trust", "127.0.0.1");
        m.getSession().getProperties().put("mail.smtp.ssl.checkserveridentity", "false");
        deliver(m, shop.bccToken() + "@" + DOMAIN);
        assertEquals(1, started.size(), "delivered over TLS");
    }

    /** A hand-driven SMTP session. */
    static final class Smtp implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private String last;

        Smtp(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
        }

        Smtp send(String command) throws IOException {
            raw(command + "\r\n");
            last = in.readLine();
            return this;
        }

        void raw(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String line() {
            return last;
        }

        String next() throws IOException {
            last = in.readLine();
            return last;
        }

        Smtp expect(String code) throws IOException {
            if (last == null) {
                last = in.readLine();
            }
            assertTrue(last != null && last.startsWith(code), "expected " + code + ", got " + last);
            last = null;
            return this;
        }

        /** Reads a multi-line reply to its last line. */
        Smtp expectLast(String code) throws IOException {
            while (last != null && last.startsWith(code + "-")) {
                last = in.readLine();
            }
            return expect(code);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
