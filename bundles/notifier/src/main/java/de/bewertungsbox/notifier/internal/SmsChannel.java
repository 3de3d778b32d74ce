package de.bewertungsbox.notifier.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.bewertungsbox.api.notify.Channel;
import de.bewertungsbox.api.notify.ChannelException;
import de.bewertungsbox.api.notify.OutboundMessage;

/**
 * The {@code sms} channel: a Twilio-shaped HTTP gateway ({@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json}
 * with {@code To}, {@code From}, {@code Body}, basic auth). A 4xx other than 429 is permanent (Twilio answers 400
 * for an invalid number); 429, 5xx and network errors are retried. The hand-over is confirmed before the request
 * goes out: a duplicate SMS is worse than a late one. Present only when configured; thread-safe.
 */
@Component(service = Channel.class, property = Channel.ID_PROPERTY + "=sms",
        configurationPid = "de.bewertungsbox.notifier.sms", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmsChannelConfig.class)
public class SmsChannel implements Channel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile SmsChannelConfig config;

    /** @param config the gateway */
    @Activate
    public SmsChannel(SmsChannelConfig config) {
        modified(config);
    }

    /** @param config the new gateway configuration */
    @Modified
    void modified(SmsChannelConfig config) {
        this.config = config;
    }

    @Override
    public void send(OutboundMessage m, Release release) throws ChannelException {
        SmsChannelConfig c = config;
        String base = c.base__url().endsWith("/") ? c.base__url().substring(0, c.base__url().length() - 1)
                : c.base__url();
        String form = "To=" + enc(m.to()) + "&From=" + enc(c.from()) + "&Body=" + enc(m.text());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/" + enc(c.account__sid())
                        + "/Messages.json"))
                .timeout(Duration.ofSeconds(c.timeout__seconds()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((c.account__sid() + ":"
                        + c.auth__token()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        if (!release.confirm()) {
            return;
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChannelException("the SMS gateway is unreachable: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted while sending the SMS", false, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String detail = detail(response.body());
        boolean permanent = status / 100 == 4 && status != 429 && status != 408;
        throw new ChannelException("the SMS gateway answered " + status + detail, permanent, null);
    }

    private static String detail(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            String message = n.path("message").asText("");
            String code = n.path("code").asText("");
            return message.isEmpty() ? "" : ": " + message + (code.isEmpty() ? "" : " (code " + code + ")");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
