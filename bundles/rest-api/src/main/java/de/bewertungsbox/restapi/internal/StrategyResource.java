package de.bewertungsbox.restapi.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Caps;
import de.bewertungsbox.api.strategy.Strategy.Channel;
import de.bewertungsbox.api.strategy.Strategy.Conditions;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.DelayUnit;
import de.bewertungsbox.api.strategy.Strategy.SendWindow;
import de.bewertungsbox.api.strategy.Strategy.Templates;
import de.bewertungsbox.api.strategy.Strategy.Trigger;
import de.bewertungsbox.api.strategy.StrategyEngine;
import de.bewertungsbox.api.strategy.StrategyStore;

/**
 * {@code GET /strategy} and {@code PUT /strategy}: the project's request strategy in the shape of API.md. A PUT
 * replaces the whole strategy; fields left out take their defaults. Every unreadable field and every broken rule is
 * reported at once (422), and then the old strategy stays.
 */
@Component(service = StrategyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("strategy")
@Produces(MediaType.APPLICATION_JSON)
public class StrategyResource {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyResource.class);
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final ProjectStore projects;
    private final StrategyStore strategies;
    private final StrategyEngine engine;

    /**
     * @param projects   the project store
     * @param strategies the strategies
     * @param engine     evaluates the customers under a new strategy
     */
    @Activate
    public StrategyResource(@Reference(name = "projects") ProjectStore projects,
                            @Reference(name = "strategies") StrategyStore strategies,
                            @Reference(name = "engine") StrategyEngine engine) {
        this.projects = projects;
        this.strategies = strategies;
        this.engine = engine;
    }

    /** @return the project's strategy (the defaults until it sets one) */
    @GET
    public Map<String, Object> get(@Context SecurityContext sc, @QueryParam("project") String project) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return view(strategies.find(p).orElseGet(Strategy::defaults));
    }

    /** Replaces the project's strategy; 422 with every field error, nothing changed. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> put(@Context SecurityContext sc, @QueryParam("project") String project,
                                   JsonNode body) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        if (!body.isObject()) {
            throw ApiError.invalid("body", "must be a JSON object: the strategy");
        }
        List<FieldError> errors = new ArrayList<>();
        Strategy s = parse(body, errors);
        if (!errors.isEmpty()) {
            throw new ApiError(422, "Validation failed", errors.size() + " field(s) are invalid; the strategy is "
                    + "unchanged", errors, Map.of());
        }
        strategies.save(p, s);
        // Customers not yet scheduled are evaluated under the new strategy now, not at the next periodic pass.
        CompletableFuture.runAsync(() -> {
            try {
                engine.evaluate(p);
            } catch (RuntimeException ex) {
                LOG.warn("Evaluating the new strategy of project {} failed: {}", p, ex.getMessage(), ex);
            }
        });
        return view(s);
    }

    static Strategy parse(JsonNode b, List<FieldError> e) {
        Strategy d = Strategy.defaults();
        boolean enabled = bool(b, "enabled", d.enabled(), e);
        Trigger trigger = choice(b.get("trigger"), "trigger", Trigger.class, d.trigger(), e);
        Delay delay = b.hasNonNull("delay") ? delay(b.get("delay"), "delay", e) : d.delay();
        List<Channel> channels = d.channels();
        if (b.has("channels")) {
            channels = new ArrayList<>();
            if (!b.get("channels").isArray()) {
                e.add(new FieldError("channels", "must be a list such as [\"email\", \"sms\"]"));
            } else {
                for (JsonNode c : b.get("channels")) {
                    Channel ch = choice(c, "channels", Channel.class, null, e);
                    if (ch != null && !channels.contains(ch)) {
                        channels.add(ch);
                    }
                }
            }
        }
        SendWindow window = b.hasNonNull("send_window") ? window(b.get("send_window"), e) : null;
        List<Delay> reminders = new ArrayList<>();
        if (b.hasNonNull("reminders")) {
            if (!b.get("reminders").isArray()) {
                e.add(new FieldError("reminders", "must be a list of delays such as [{\"amount\":3,\"unit\":\"days\"}]"));
            } else {
                int i = 0;
                for (JsonNode r : b.get("reminders")) {
                    reminders.add(delay(r, "reminders[" + i++ + "]", e));
                }
            }
        }
        JsonNode c = b.path("conditions");
        Conditions conditions = new Conditions(bool(c, "require_subscription", false, "conditions.", e),
                (int) number(c, "min_charges", 0, "conditions.", e), number(c, "min_total", 0, "conditions.", e),
                number(c, "min_average", 0, "conditions.", e),
                c.hasNonNull("currency") ? c.get("currency").asText() : d.conditions().currency());
        JsonNode k = b.path("caps");
        Caps caps = new Caps((int) number(k, "email_daily", 0, "caps.", e), (int) number(k, "email_monthly", 0,
                "caps.", e), (int) number(k, "sms_daily", 0, "caps.", e), (int) number(k, "sms_monthly", 0, "caps.", e));
        JsonNode t = b.path("templates");
        Templates templates = new Templates(text(t, "email_subject"), text(t, "email_body"), text(t, "sms_body"));
        TemplateCheck.check("templates.email_subject", templates.emailSubject(), e);
        TemplateCheck.check("templates.email_body", templates.emailBody(), e);
        TemplateCheck.check("templates.sms_body", templates.smsBody(), e);
        return new Strategy(enabled, trigger, delay, channels, window, reminders, conditions, caps, templates);
    }

    private static Delay delay(JsonNode n, String field, List<FieldError> e) {
        if (!n.isObject()) {
            e.add(new FieldError(field, "must be an object such as {\"amount\":3,\"unit\":\"days\"}"));
            return new Delay(0, DelayUnit.DAYS);
        }
        long amount = number(n, "amount", 0, field + ".", e);
        DelayUnit unit = n.hasNonNull("unit") ? choice(n.get("unit"), field + ".unit", DelayUnit.class, null, e)
                : null;
        if (!n.hasNonNull("unit")) {
            e.add(new FieldError(field + ".unit", "is required: minutes, hours, days or months"));
        }
        return new Delay((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, amount)),
                unit == null ? DelayUnit.DAYS : unit);
    }

    private static SendWindow window(JsonNode w, List<FieldError> e) {
        if (!w.isObject()) {
            e.add(new FieldError("send_window", "must be an object with time_zone, days, from and to, or null"));
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (!w.path("days").isArray()) {
            e.add(new FieldError("send_window.days", "must be a list such as [\"mon\",\"tue\"]"));
        } else {
            for (JsonNode d : w.get("days")) {
                int i = DAYS.indexOf(d.asText().strip().toLowerCase(Locale.ROOT));
                if (i < 0) {
                    e.add(new FieldError("send_window.days", "'" + d.asText() + "' is not one of " + DAYS));
                } else {
                    days.add(DayOfWeek.of(i + 1));
                }
            }
        }
        return new SendWindow(w.path("time_zone").asText(""), days, time(w, "from", e), time(w, "to", e));
    }

    private static LocalTime time(JsonNode w, String name, List<FieldError> e) {
        String v = w.path(name).asText("");
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException ex) {
            e.add(new FieldError("send_window." + name, "'" + v + "' is not a time of day (HH:MM)"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(JsonNode n, String field, Class<E> type, E fallback,
                                                List<FieldError> e) {
        if (n == null || n.isNull()) {
            return fallback;
        }
        String v = n.asText().strip().toUpperCase(Locale.ROOT);
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(v)) {
                return c;
            }
        }
        e.add(new FieldError(field, "'" + n.asText() + "' is not one of " + names(type)));
        return fallback;
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
            out.add(c.name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static boolean bool(JsonNode n, String name, boolean fallback, List<FieldError> e) {
        return bool(n, name, fallback, "", e);
    }

    private static boolean bool(JsonNode n, String name, boolean fallback, String prefix, List<FieldError> e) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            e.add(new FieldError(prefix + name, "must be true or false"));
            return fallback;
        }
        return v.asBoolean();
    }

    private static long number(JsonNode n, String name, long fallback, String prefix, List<FieldError> e) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            e.add(new FieldError(prefix + name, "must be a whole number"));
            return fallback;
        }
        return v.asLong();
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Map<String, Object> view(Strategy s) {
        Map<String, Object> out = new LinkedHashMap<>();
        Function<Enum<?>, String> lower = x -> x.name().toLowerCase(Locale.ROOT);
        out.put("enabled", s.enabled());
        out.put("trigger", lower.apply(s.trigger()));
        out.put("delay", delayView(s.delay()));
        out.put("channels", s.channels().stream().map(lower).toList());
        if (s.sendWindow() == null) {
            out.put("send_window", null);
        } else {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("time_zone", s.sendWindow().timeZone());
            w.put("days", s.sendWindow().days().stream().sorted().map(d -> DAYS.get(d.getValue() - 1)).toList());
            w.put("from", s.sendWindow().from().toString());
            w.put("to", s.sendWindow().to().toString());
            out.put("send_window", w);
        }
        out.put("reminders", s.reminders().stream().map(StrategyResource::delayView).toList());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("require_subscription", s.conditions().requireSubscription());
        c.put("min_charges", s.conditions().minCharges());
        c.put("min_total", s.conditions().minTotal());
        c.put("min_average", s.conditions().minAverage());
        c.put("currency", s.conditions().currency().toLowerCase(Locale.ROOT));
        out.put("conditions", c);
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("email_daily", s.caps().emailDaily());
        k.put("email_monthly", s.caps().emailMonthly());
        k.put("sms_daily", s.caps().smsDaily());
        k.put("sms_monthly", s.caps().smsMonthly());
        out.put("caps", k);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("email_subject", s.templates().emailSubject());
        t.put("email_body", s.templates().emailBody());
        t.put("sms_body", s.templates().smsBody());
        out.put("templates", t);
        return out;
    }

    private static Map<String, Object> delayView(Delay d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", d.amount());
        m.put("unit", d.unit().name().toLowerCase(Locale.ROOT));
        return m;
    }
}
