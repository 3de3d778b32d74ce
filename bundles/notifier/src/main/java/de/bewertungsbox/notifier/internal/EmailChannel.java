package de.bewertungsbox.notifier.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.api.notify.CapturedMail;
import de.bewertungsbox.api.notify.Channel;
import de.bewertungsbox.api.notify.ChannelException;
import de.bewertungsbox.api.notify.OutboundMessage;
import de.bewertungsbox.api.notify.RequestStore;

/**
 * The {@code email} channel: SMTP through Jakarta Mail / Angus Mail, with the project's own server when it has one
 * ({@code PUT /settings/smtp}), else the platform's; without either, the built-in sink keeps the message in the
 * database. Every message carries {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} (RFC 8058) and the
 * request id as its Message-ID. One connection per message; thread-safe (configuration is swapped whole).
 */
@Component(service = Channel.class, property = Channel.ID_PROPERTY + "=email",
        configurationPid = "de.bewertungsbox.notifier.email")
@Designate(ocd = EmailChannelConfig.class)
public class EmailChannel implements Channel {
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final SecretStore secrets;
    private final RequestStore requests;
    private final Clock clock;
    private volatile EmailChannelConfig config;

    /**
     * @param secrets  where a project's own SMTP settings are kept
     * @param requests the outbox (for the mail sink)
     * @param config   the platform's SMTP server
     */
    @Activate
    public EmailChannel(@Reference(name = "secrets") SecretStore secrets,
                        @Reference(name = "requests") RequestStore requests, EmailChannelConfig config) {
        this(secrets, requests, config, Clock.systemUTC());
    }

    EmailChannel(SecretStore secrets, RequestStore requests, EmailChannelConfig config, Clock clock) {
        this.secrets = secrets;
        this.requests = requests;
        this.clock = clock;
        modified(config);
    }

    /** @param config the new configuration */
    @Modified
    void modified(EmailChannelConfig config) {
        this.config = config;
        LOG.info("E-mail channel: {}", config.host().isBlank() ? "built-in mail sink (no SMTP host configured)"
                : "SMTP " + config.host() + ":" + config.port());
    }

    @Override
    public void send(OutboundMessage m, Release release) throws ChannelException {
        // Jakarta Activation finds the MIME handlers (multipart/alternative, text/html) through the context class
        // loader; in OSGi that must be Angus Mail's, whose mailcap lists them.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ConfirmingTransport.class.getSuperclass().getClassLoader());
        try {
            deliver(m, release);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void deliver(OutboundMessage m, Release release) throws ChannelException {
        EmailChannelConfig c = config;
        SmtpSettings smtp = secrets.get(m.projectId(), SecretStore.PROJECT_SMTP).map(SmtpSettings::parse)
                .orElseGet(() -> SmtpSettings.of(c));
        Session session = Session.getInstance(properties(smtp, c.timeout__seconds()));
        MimeMessage msg;
        try {
            msg = message(session, smtp, m);
        } catch (MessagingException e) {
            throw new ChannelException("'" + m.to() + "' is not an e-mail address we can send to: " + e.getMessage(),
                    true, e);
        }
        if (smtp.sink()) {
            capture(m, msg, release);
            return;
        }
        boolean ssl = "ssl".equals(smtp.tls());
        ConfirmingTransport transport = new ConfirmingTransport(session, ssl, release::confirm);
        try {
            transport.connect(smtp.host(), smtp.port(), blank(smtp.username()), blank(smtp.password()));
            transport.sendMessage(msg, msg.getAllRecipients());
        } catch (MessagingException e) {
            if (transport.refused()) {
                return;
            }
            throw MailErrors.classify(e, smtp.host());
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                LOG.debug("closing the SMTP connection failed", ignored);
            }
        }
    }

    private void capture(OutboundMessage m, MimeMessage msg, Release release) throws ChannelException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            msg.writeTo(out);
            if (!release.confirm()) {
                return;
            }
            requests.capture(m.projectId(), new CapturedMail(null, m.requestId(), m.to(), m.subject(),
                    out.toString(StandardCharsets.UTF_8), clock.instant()));
        } catch (IOException | MessagingException | RuntimeException e) {
            throw new ChannelException("the mail sink could not keep the message: " + e.getMessage(), false, e);
        }
    }

    private static MimeMessage message(Session session, SmtpSettings smtp, OutboundMessage m)
            throws MessagingException {
        String id = "<" + m.requestId() + "@bewertungsbox>";
        MimeMessage msg = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        InternetAddress from = new InternetAddress(smtp.fromAddress().isBlank() ? "reviews@bewertungsbox.local"
                : smtp.fromAddress(), true);
        if (!smtp.fromName().isBlank()) {
            try {
                from.setPersonal(smtp.fromName(), "UTF-8");
            } catch (java.io.UnsupportedEncodingException e) {
                throw new MessagingException(e.getMessage(), e);
            }
        }
        msg.setFrom(from);
        msg.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(m.to(), true));
        msg.setSubject(m.subject(), "UTF-8");
        msg.setSentDate(new java.util.Date());
        if (m.unsubscribeUrl() != null) {
            msg.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
            msg.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.text(), "UTF-8", "plain");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        if (m.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.html(), "UTF-8", "html");
            alternative.addBodyPart(html);
        }
        msg.setContent(alternative);
        msg.saveChanges();
        return msg;
    }

    private static Properties properties(SmtpSettings s, int timeoutSeconds) {
        Properties p = new Properties();
        String prefix = "ssl".equals(s.tls()) ? "mail.smtps." : "mail.smtp.";
        String ms = String.valueOf(timeoutSeconds * 1000L);
        p.put(prefix + "connectiontimeout", ms);
        p.put(prefix + "timeout", ms);
        p.put(prefix + "writetimeout", ms);
        p.put(prefix + "auth", String.valueOf(!s.username().isBlank()));
        // Do not wait for the QUIT reply: after a refused hand-over the connection is still inside DATA.
        p.put(prefix + "quitwait", "false");
        if ("starttls".equals(s.tls())) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
