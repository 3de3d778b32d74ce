package de.bewertungsbox.notifier.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.notify.Channel;
import de.bewertungsbox.api.notify.ChannelException;
import de.bewertungsbox.api.notify.ClaimedRequest;
import de.bewertungsbox.api.notify.NewRequest;
import de.bewertungsbox.api.notify.OutboundMessage;
import de.bewertungsbox.api.notify.Recipient;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.notify.ReviewRequest;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.StrategyEngine;
import de.bewertungsbox.api.strategy.StrategyStore;
import de.bewertungsbox.notifier.internal.MessageRenderer.Rendered;

/**
 * What happens to one claimed request: cancelled when the customer opted out, skipped (a reminder after a click, no
 * address for the channel), postponed (a cap is reached, the channel is not installed), else rendered and handed to
 * its channel. The outcome is recorded in the outbox: sent (confirmed by the channel right before release, with the
 * next reminder), retried with backoff, or failed. Used by the notifier's one sender thread.
 */
final class Dispatch {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final Duration NO_CHANNEL_WAIT = Duration.ofMinutes(5);

    private final RequestStore requests;
    private final StrategyStore strategies;
    private final StrategyEngine engine;
    private final ProjectStore projects;
    private final Map<String, Channel> channels;
    private final NotifierConfig config;
    private final String node;
    private final Clock clock;

    Dispatch(RequestStore requests, StrategyStore strategies, StrategyEngine engine, ProjectStore projects,
             Map<String, Channel> channels, NotifierConfig config, String node, Clock clock) {
        this.requests = requests;
        this.strategies = strategies;
        this.engine = engine;
        this.projects = projects;
        this.channels = channels;
        this.config = config;
        this.node = node;
        this.clock = clock;
    }

    List<ClaimedRequest> claim() {
        return requests.claim(clock.instant(), config.batch__size(), node,
                Duration.ofSeconds(config.claim__timeout__seconds()));
    }

    void sendAll(List<ClaimedRequest> batch) {
        Map<UUID, Strategy> byProject = new HashMap<>();
        Caps caps = new Caps(requests);
        for (ClaimedRequest c : batch) {
            ReviewRequest r = c.request();
            try {
                Strategy s = byProject.computeIfAbsent(r.projectId(),
                        p -> strategies.find(p).orElseGet(Strategy::defaults));
                send(c, s, caps);
            } catch (RuntimeException e) {
                LOG.warn("Review request {} could not be handled: {}", r.id(), e.getMessage(), e);
                requests.retry(r.id(), "internal error: " + e.getMessage(), backoff(r.attempts()));
            }
        }
    }

    private void send(ClaimedRequest c, Strategy s, Caps caps) {
        ReviewRequest r = c.request();
        Recipient to = c.recipient();
        boolean email = "email".equals(r.channel());
        if (to.optedOutAt() != null) {
            requests.finish(r.id(), RequestStatus.CANCELLED, "the customer opted out");
            return;
        }
        if (r.reminder() > 0 && to.clicked()) {
            requests.finish(r.id(), RequestStatus.SKIPPED, "followed the review link; no more reminders");
            return;
        }
        String address = email ? to.email() : to.phone();
        if (address == null || address.isBlank()) {
            requests.finish(r.id(), RequestStatus.SKIPPED, email ? "the customer has no e-mail address"
                    : "the customer has no phone number");
            return;
        }
        Instant now = clock.instant();
        Caps.Wait wait = caps.check(r.projectId(), r.channel(), s, now);
        if (wait != null) {
            requests.postpone(r.id(), engine.firstDue(immediately(s), wait.until()), wait.reason());
            return;
        }
        Channel channel = channels.get(r.channel());
        if (channel == null) {
            requests.postpone(r.id(), now.plus(NO_CHANNEL_WAIT), "the " + r.channel() + " channel is not configured");
            return;
        }
        OutboundMessage message = render(c, s, address);
        NewRequest next = r.reminder() < s.reminders().size() ? new NewRequest(r.customerId(), r.channel(),
                r.reminder() + 1, engine.reminderDue(s, now, r.reminder())) : null;
        boolean[] confirmed = {false};
        try {
            channel.send(message, () -> confirmed[0] = requests.sent(r.id(), node, clock.instant(), next));
            if (confirmed[0]) {
                caps.sent(r.projectId(), r.channel());
            }
        } catch (ChannelException e) {
            failed(r, e, confirmed[0]);
        }
    }

    private void failed(ReviewRequest r, ChannelException e, boolean confirmed) {
        int attempts = r.attempts() + 1;
        boolean giveUp = e.permanent() || attempts >= config.max__attempts();
        String error = giveUp && !e.permanent() ? "gave up after " + attempts + " attempts: " + e.getMessage()
                : e.getMessage();
        LOG.info("Review request {} ({}) not delivered, {}: {}", r.id(), r.channel(), giveUp ? "failed"
                : "will retry", e.getMessage());
        if (confirmed) {
            requests.unsent(r.id(), error, giveUp ? null : backoff(attempts));
        } else if (giveUp) {
            requests.finish(r.id(), RequestStatus.FAILED, error);
        } else {
            requests.retry(r.id(), error, backoff(attempts));
        }
    }

    private OutboundMessage render(ClaimedRequest c, Strategy s, String address) {
        ReviewRequest r = c.request();
        Recipient to = c.recipient();
        Project project = projects.find(r.projectId().toString()).orElseThrow(() -> new IllegalStateException(
                "project " + r.projectId() + " is gone"));
        String base = config.public__url().endsWith("/") ? config.public__url().substring(0,
                config.public__url().length() - 1) : config.public__url();
        String review = base + "/api/v1/r/" + c.token();
        String unsubscribe = base + "/api/v1/unsubscribe/" + c.token();
        Map<String, String> values = new HashMap<>();
        values.put("first_name", to.firstName());
        values.put("last_name", nz(to.lastName()));
        values.put("company", nz(to.company()));
        values.put("location", nz(to.locationName()));
        values.put("project", project.name());
        values.put("review_link", review);
        values.put("unsubscribe_link", unsubscribe);
        if ("email".equals(r.channel())) {
            Rendered m = MessageRenderer.email(s.templates(), project.defaultRegion(), r.reminder() > 0, values);
            return new OutboundMessage(r.projectId(), r.id(), address, m.subject(), m.text(), m.html(), unsubscribe);
        }
        Rendered m = MessageRenderer.sms(s.templates(), project.defaultRegion(), values);
        return new OutboundMessage(r.projectId(), r.id(), address, null, m.text(), null, null);
    }

    /** @return the strategy without its delay: {@code firstDue} then gives the send window's next opening */
    private static Strategy immediately(Strategy s) {
        return new Strategy(s.enabled(), s.trigger(), new Strategy.Delay(0, Strategy.DelayUnit.MINUTES), s.channels(),
                s.sendWindow(), s.reminders(), s.conditions(), s.caps(), s.templates());
    }

    /** @return when to try again after {@code attempts} failures: base × 2^(attempts-1), at most 6 hours */
    Instant backoff(int attempts) {
        long base = config.retry__base__seconds();
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), base << Math.min(20, Math.max(0, attempts - 1)));
        return clock.instant().plusSeconds(seconds);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
