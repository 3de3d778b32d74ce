package de.bewertungsbox.importerbcc.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SessionHandler;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;

/**
 * The BCC SMTP receiver (SubEthaSMTP). Accepts mail only for {@code <bcc token>@<domain>} of an existing project
 * that does not send through its own SMTP server; anything else is refused at RCPT TO with 550, so nothing is ever
 * relayed. Each accepted message starts one import job per project it was addressed to, unless a message with the
 * same Message-ID was imported there before. Limits: message size (552), recipients (452), connections overall and
 * per client, and messages per minute per client (450). STARTTLS when a keystore is configured. The port opens when
 * this component activates and closes when it deactivates (bundle stopped or removed, configuration changed).
 */
@Component(service = BccSmtpServer.class, immediate = true, configurationPid = "de.bewertungsbox.importer.bcc")
@Designate(ocd = BccConfig.class)
public class BccSmtpServer {
    private static final Logger LOG = LoggerFactory.getLogger(BccSmtpServer.class);

    private final ProjectStore projects;
    private final SecretStore secrets;
    private final ImportService imports;
    private final String domain;
    private final ClientRate rate;
    private final Clock clock;
    private final int maxBytes;
    private final SMTPServer server;

    /**
     * @param config   the receiver's configuration
     * @param projects finds projects by BCC token
     * @param secrets  tells projects with their own SMTP apart
     * @param imports  starts the import jobs
     * @throws IOException              when the keystore cannot be read
     * @throws GeneralSecurityException when the keystore is not usable for TLS
     */
    @Activate
    public BccSmtpServer(BccConfig config, @Reference(name = "projects") ProjectStore projects,
                         @Reference(name = "secrets") SecretStore secrets,
                         @Reference(name = "imports") ImportService imports)
            throws IOException, GeneralSecurityException {
        this(config, projects, secrets, imports, Clock.systemUTC());
    }

    BccSmtpServer(BccConfig config, ProjectStore projects, SecretStore secrets, ImportService imports, Clock clock)
            throws IOException, GeneralSecurityException {
        this.projects = projects;
        this.secrets = secrets;
        this.imports = imports;
        this.clock = clock;
        this.domain = config.domain().strip().toLowerCase(Locale.ROOT);
        this.rate = new ClientRate(Math.max(1, config.messages__per__minute()), clock);
        this.maxBytes = Math.max(1, config.max__message__mb()) * 1024 * 1024;
        SMTPServer.Builder b = SMTPServer.port(config.port())
                .bindAddress(InetAddress.getByName(config.bind__address().isBlank() ? "127.0.0.1"
                        : config.bind__address().strip()))
                .softwareName("BewertungsBox BCC")
                .maxMessageSize(maxBytes)
                .maxRecipients(Math.max(1, config.max__recipients()))
                .maxConnections(Math.max(1, config.max__connections()))
                .sessionHandler(SessionHandler.limitConcurrentSessionsBySource(
                        Math.max(1, config.max__connections__per__client())))
                .connectionTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                .serverThreadName("bewertungsbox-bcc-smtp")
                .messageHandlerFactory(Handler::new);
        if (!config.hostname().isBlank()) {
            b.hostName(config.hostname().strip());
        }
        if (!config.keystore__path().isBlank()) {
            b.startTlsSocketFactory(tls(Path.of(config.keystore__path().strip()),
                    config.keystore__password().toCharArray())).enableTLS().requireTLS(config.require__tls());
        }
        this.server = b.build();
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the BCC receiver cannot listen on " + config.bind__address() + ":"
                    + config.port() + " (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + "); set port in etc/de.bewertungsbox.importer.bcc.cfg", e);
        }
        LOG.info("BCC SMTP receiver listening on {}:{} for *@{}{}", config.bind__address(), server.getPortAllocated(),
                domain, config.keystore__path().isBlank() ? " (no TLS)" : " (STARTTLS)");
    }

    /** @return the port actually listened on */
    int port() {
        return server.getPortAllocated();
    }

    @Deactivate
    void stop() {
        server.stop();
        LOG.info("BCC SMTP receiver stopped");
    }

    private static SSLContext tls(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** One SMTP transaction: MAIL FROM, RCPT TO..., DATA. */
    private final class Handler implements MessageHandler {
        private final SocketAddress client;
        private final Map<String, Project> targets = new LinkedHashMap<>();
        private String from = "";

        Handler(MessageContext ctx) {
            this.client = ctx.getRemoteAddress();
        }

        @Override
        public void from(String address) throws RejectException {
            if (!rate.tryAcquire(host(client))) {
                throw new RejectException(450, "4.7.1 too many messages from your address; try again in a minute");
            }
            from = address == null ? "" : address;
        }

        @Override
        public void recipient(String address) throws RejectException {
            String a = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
            int at = a.lastIndexOf('@');
            if (at <= 0 || !a.substring(at + 1).equals(domain)) {
                throw new RejectException(550, "5.7.1 relaying denied: this server accepts mail only for the BCC "
                        + "addresses @" + domain);
            }
            String token = a.substring(0, at);
            Optional<Project> project;
            try {
                project = token.matches("[a-z0-9]{8,64}") ? projects.findByBccToken(token) : Optional.empty();
            } catch (RuntimeException e) {
                LOG.warn("BCC: could not look up {}: {}", a, e.getMessage());
                throw new RejectException(451, "4.3.0 temporary failure; try again later");
            }
            if (project.isEmpty()) {
                throw new RejectException(550, "5.1.1 no such BCC address: " + a);
            }
            if (secrets.get(project.get().id(), SecretStore.PROJECT_SMTP).isPresent()) {
                throw new RejectException(550, "5.7.1 BCC import is off for this project: it sends through its own "
                        + "SMTP server");
            }
            targets.put(project.get().id().toString(), project.get());
        }

        @Override
        public String data(InputStream data) throws RejectException, TooMuchDataException, IOException {
            // SubEthaSMTP advertises SIZE but does not cut the DATA stream itself.
            byte[] raw = data.readNBytes(maxBytes + 1);
            if (raw.length > maxBytes) {
                data.transferTo(java.io.OutputStream.nullOutputStream());
                throw new RejectException(552, "5.3.4 message too big: at most " + maxBytes / (1024 * 1024) + " MB");
            }
            String messageId = Recipients.messageId(raw);
            String key = messageId != null ? messageId : "sha256:" + HexFormat.of().formatHex(sha256(raw));
            List<String> jobs = new ArrayList<>();
            for (Project p : targets.values()) {
                try {
                    if (!imports.firstDelivery(p.id(), BccImporter.ID, List.of(key))) {
                        LOG.info("BCC: message {} for project {} was imported before; ignored", key, p.slug());
                        continue;
                    }
                    jobs.add(imports.start(p.id(), BccImporter.ID, new ImportOptions(false, Map.of(
                            "received_at", clock.instant().toString(), "domain", domain, "sender", from)),
                            new ByteArrayInputStream(raw)).id().toString());
                } catch (RuntimeException e) {
                    LOG.warn("BCC: could not import a message for project {}: {}", p.slug(), e.getMessage());
                    throw new RejectException(451, "4.3.0 temporary failure; try again later");
                }
            }
            LOG.info("BCC: message from {} ({} bytes) queued as job(s) {}", host(client), raw.length, jobs);
            return null;
        }

        @Override
        public void done() {
            // nothing held
        }
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String host(SocketAddress a) {
        return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress()
                : String.valueOf(a);
    }
}
