package de.bewertungsbox.restapi.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import de.bewertungsbox.api.notify.RequestStore;

/**
 * {@code POST /webhooks/sms/{project_id}}: the SMS gateway's inbound-message webhook (Twilio's shape: a form with
 * {@code From} and {@code Body}, signed in {@code X-Twilio-Signature} with the auth token over the URL and the sorted
 * parameters). A reply STOP (or STOPP, ABMELDEN, UNSUBSCRIBE, CANCEL, END, QUIT, STOPALL) opts the sender out in that
 * project. An unsigned or forged delivery is 400 and changes nothing.
 */
@Component(service = SmsWebhookResource.class,
        configurationPid = {"de.bewertungsbox.notifier.sms", "de.bewertungsbox.core"})
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("webhooks/sms")
public class SmsWebhookResource {
    private static final Set<String> STOP = Set.of("STOP", "STOPP", "STOPALL", "ABMELDEN", "UNSUBSCRIBE", "CANCEL",
            "END", "QUIT");

    private final RequestStore requests;
    private final SmsWebhookConfig config;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param requests the outbox (opt-outs)
     * @param config   the gateway's auth token and the public URL
     */
    @Activate
    public SmsWebhookResource(@Reference(name = "requests") RequestStore requests, SmsWebhookConfig config) {
        this.requests = requests;
        this.config = config;
    }

    /** @return an empty TwiML answer (no reply SMS) */
    @POST
    @Path("{project_id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response inbound(@PathParam("project_id") String project,
                            @HeaderParam("X-Twilio-Signature") String signature,
                            MultivaluedMap<String, String> form) {
        UUID p = Scope.uuid(project, "project");
        String token = config.auth__token();
        if (token == null || token.isBlank()) {
            throw ApiError.notFound("no SMS gateway is configured");
        }
        String base = config.public__url().endsWith("/") ? config.public__url().substring(0,
                config.public__url().length() - 1) : config.public__url();
        String url = base + "/api/v1/webhooks/sms/" + project;
        if (signature == null || !MessageDigest.isEqual(sign(token, url, form).getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8))) {
            throw ApiError.invalid("X-Twilio-Signature", "the signature does not match this delivery");
        }
        String body = form.getFirst("Body") == null ? "" : form.getFirst("Body").strip().toUpperCase(Locale.ROOT);
        String from = form.getFirst("From");
        if (from != null && STOP.contains(body.split("\\s+")[0].replaceAll("[^A-Z]", ""))) {
            requests.optOutPhone(p, from.strip(), clock.instant());
        }
        return Response.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", MediaType.TEXT_XML).build();
    }

    /** Twilio's signature: Base64 of HMAC-SHA1 over the URL followed by each parameter name and value, sorted. */
    static String sign(String token, String url, Map<String, List<String>> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, values) -> values.forEach(v -> data.append(k).append(v)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
