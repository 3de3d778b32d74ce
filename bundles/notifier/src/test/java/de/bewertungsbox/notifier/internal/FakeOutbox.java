package de.bewertungsbox.notifier.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.notify.CapturedMail;
import de.bewertungsbox.api.notify.ClaimedRequest;
import de.bewertungsbox.api.notify.DueCustomer;
import de.bewertungsbox.api.notify.NewRequest;
import de.bewertungsbox.api.notify.Recipient;
import de.bewertungsbox.api.notify.RequestQuery;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.notify.ReviewRequest;
import de.bewertungsbox.api.strategy.Strategy;

/** An in-memory outbox with the store's rules (claims, confirm by the claiming node, reminders); for unit tests. */
final class FakeOutbox implements RequestStore {
    final Map<UUID, ReviewRequest> rows = new ConcurrentHashMap<>();
    final Map<UUID, Recipient> recipients = new ConcurrentHashMap<>();
    final Map<UUID, String> claims = new ConcurrentHashMap<>();
    final List<CapturedMail> sink = new ArrayList<>();
    boolean loseClaims;

    ReviewRequest add(UUID project, Recipient to, String channel, int reminder, Instant due) {
        UUID customer = UUID.randomUUID();
        recipients.put(customer, to);
        ReviewRequest r = new ReviewRequest(UUID.randomUUID(), project, customer, channel, reminder, due,
                RequestStatus.SCHEDULED, 0, null, null);
        rows.put(r.id(), r);
        return r;
    }

    ReviewRequest get(UUID id) {
        return rows.get(id);
    }

    private void put(ReviewRequest r, RequestStatus status, int attempts, Instant due, Instant sent, String error) {
        rows.put(r.id(), new ReviewRequest(r.id(), r.projectId(), r.customerId(), r.channel(), r.reminder(), due,
                status, attempts, sent, error));
        claims.remove(r.id());
    }

    @Override
    public synchronized List<ClaimedRequest> claim(Instant now, int limit, String node, Duration lease) {
        List<ClaimedRequest> out = new ArrayList<>();
        rows.values().stream().filter(r -> r.status() == RequestStatus.SCHEDULED && !r.dueAt().isAfter(now)
                        && !claims.containsKey(r.id())).sorted((a, b) -> a.dueAt().compareTo(b.dueAt())).limit(limit)
                .forEach(r -> {
                    claims.put(r.id(), node);
                    out.add(new ClaimedRequest(r, "tok-" + r.id(), recipients.get(r.customerId())));
                });
        return out;
    }

    @Override
    public int release(String node) {
        return 0;
    }

    @Override
    public synchronized boolean sent(UUID id, String node, Instant at, NewRequest reminder) {
        ReviewRequest r = rows.get(id);
        if (loseClaims || !node.equals(claims.get(id))) {
            return false;
        }
        put(r, RequestStatus.SENT, r.attempts() + 1, r.dueAt(), at, null);
        if (reminder != null) {
            ReviewRequest next = new ReviewRequest(UUID.randomUUID(), r.projectId(), r.customerId(), r.channel(),
                    reminder.reminder(), reminder.dueAt(), RequestStatus.SCHEDULED, 0, null, null);
            rows.put(next.id(), next);
        }
        return true;
    }

    @Override
    public synchronized void unsent(UUID id, String error, Instant retryAt) {
        ReviewRequest r = rows.get(id);
        rows.values().removeIf(n -> n.customerId().equals(r.customerId()) && n.reminder() == r.reminder() + 1
                && n.status() == RequestStatus.SCHEDULED);
        put(r, retryAt == null ? RequestStatus.FAILED : RequestStatus.SCHEDULED, r.attempts(),
                retryAt == null ? r.dueAt() : retryAt, null, error);
    }

    @Override
    public synchronized void retry(UUID id, String error, Instant retryAt) {
        ReviewRequest r = rows.get(id);
        put(r, RequestStatus.SCHEDULED, r.attempts() + 1, retryAt, null, error);
    }

    @Override
    public synchronized void finish(UUID id, RequestStatus status, String reason) {
        ReviewRequest r = rows.get(id);
        put(r, status, r.attempts() + (status == RequestStatus.FAILED ? 1 : 0), r.dueAt(), null, reason);
    }

    @Override
    public synchronized void postpone(UUID id, Instant dueAt, String reason) {
        ReviewRequest r = rows.get(id);
        put(r, RequestStatus.SCHEDULED, r.attempts(), dueAt, null, reason);
    }

    @Override
    public long sentCount(UUID project, String channel, Instant from, Instant to) {
        return rows.values().stream().filter(r -> r.projectId().equals(project) && r.channel().equals(channel)
                && r.sentAt() != null && !r.sentAt().isBefore(from) && r.sentAt().isBefore(to)).count();
    }

    @Override
    public synchronized void capture(UUID projectId, CapturedMail mail) {
        sink.add(mail);
    }

    @Override
    public List<DueCustomer> dueSet(UUID p, Strategy s, Instant f, Instant t, DueCustomer a, int l) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ReviewRequest> schedule(UUID projectId, List<NewRequest> requests, boolean automatic) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<ReviewRequest> page(UUID projectId, RequestQuery query, int limit, String after) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> click(String token, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean unsubscribe(String token, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int optOutPhone(UUID projectId, String phone, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> reviewUrl(UUID projectId) {
        return Optional.empty();
    }

    @Override
    public void reviewUrl(UUID projectId, String url) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<CapturedMail> captured(UUID projectId, int limit, String after) {
        throw new UnsupportedOperationException();
    }
}
