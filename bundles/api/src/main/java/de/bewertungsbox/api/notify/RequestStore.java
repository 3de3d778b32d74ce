package de.bewertungsbox.api.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import de.bewertungsbox.api.customer.Page;
import de.bewertungsbox.api.strategy.Strategy;

/**
 * The outbox of review requests, in the database, shared by every node. Due rows are claimed with row locks
 * ({@code FOR UPDATE SKIP LOCKED}) so two nodes never send the same one.
 */
@ProviderType
public interface RequestStore {

    /**
     * The due-set query: customers of the project never asked automatically, not opted out, meeting the strategy's
     * conditions, with an address for one of its channels, whose trigger lies in {@code [from, to]}; in trigger
     * order. Computed in the database from the per-customer figures.
     *
     * @param projectId the project
     * @param strategy  the strategy whose trigger and conditions apply
     * @param from      earliest trigger
     * @param to        latest trigger
     * @param after     the last customer of the previous page, or {@code null}
     * @param limit     page size
     * @return the next page
     */
    List<DueCustomer> dueSet(UUID projectId, Strategy strategy, Instant from, Instant to, DueCustomer after,
                             int limit);

    /**
     * Puts requests into the outbox. Automatic ones are stored only for customers never asked automatically, and
     * mark them asked, in one transaction: a customer is scheduled once even when two nodes evaluate together.
     *
     * @param projectId the project
     * @param requests  the requests
     * @param automatic whether the strategy asks (else someone asked by hand)
     * @return the requests stored
     */
    List<ReviewRequest> schedule(UUID projectId, List<NewRequest> requests, boolean automatic);

    /**
     * Claims due requests for sending: scheduled, due, and not claimed by a live node (a claim older than its lease
     * is taken over).
     *
     * @param now   the time
     * @param limit at most this many
     * @param node  the claiming node
     * @param lease how long the claim holds
     * @return the claimed requests with their recipients
     */
    List<ClaimedRequest> claim(Instant now, int limit, String node, Duration lease);

    /**
     * Gives back every claim a node holds (at its start, after a crash).
     *
     * @param node the node
     * @return how many claims were released
     */
    int release(String node);

    /**
     * Records a request as sent, at the last moment before the channel releases it, and schedules the reminder
     * after it in the same transaction.
     *
     * @param requestId the request
     * @param node      the node that claimed it
     * @param at        the time
     * @param reminder  the next reminder, or {@code null}
     * @return {@code false} when the claim is no longer this node's (then nothing is sent)
     */
    boolean sent(UUID requestId, String node, Instant at, NewRequest reminder);

    /**
     * Undoes {@link #sent} when the channel failed after it: the request is scheduled again at {@code retryAt}
     * (or failed when {@code retryAt} is {@code null}), and its reminder is withdrawn.
     *
     * @param requestId the request
     * @param error     what went wrong
     * @param retryAt   when to try again, or {@code null} for a permanent failure
     */
    void unsent(UUID requestId, String error, Instant retryAt);

    /**
     * Records a failed attempt that will be retried.
     *
     * @param requestId the request
     * @param error     what went wrong
     * @param retryAt   when to try again
     */
    void retry(UUID requestId, String error, Instant retryAt);

    /**
     * Ends a request without sending it.
     *
     * @param requestId the request
     * @param status    {@link RequestStatus#FAILED}, {@link RequestStatus#SKIPPED} or {@link RequestStatus#CANCELLED}
     * @param reason    why
     */
    void finish(UUID requestId, RequestStatus status, String reason);

    /**
     * Moves a request to a later time without counting an attempt (a cap is reached).
     *
     * @param requestId the request
     * @param dueAt     the new due time
     * @param reason    why, shown as its error until it is sent
     */
    void postpone(UUID requestId, Instant dueAt, String reason);

    /**
     * @param projectId the project
     * @param channel   the channel
     * @param from      start (inclusive)
     * @param to        end (exclusive)
     * @return how many requests of the project went out on the channel in that time
     */
    long sentCount(UUID projectId, String channel, Instant from, Instant to);

    /**
     * @param projectId the project
     * @param query     filters
     * @param limit     page size
     * @param after     cursor from the previous page, or {@code null}
     * @return the project's requests, newest first
     */
    Page<ReviewRequest> page(UUID projectId, RequestQuery query, int limit, String after);

    /**
     * Records that a customer followed a request's review link.
     *
     * @param token the request's token
     * @param at    the time
     * @return where to send the customer (the location's review URL, else the project's; empty string when
     *         neither is set), or empty for an unknown token
     */
    Optional<String> click(String token, Instant at);

    /**
     * Opts the customer of a request out of review requests and cancels their scheduled requests.
     *
     * @param token the request's token
     * @param at    the time
     * @return {@code false} for an unknown token
     */
    boolean unsubscribe(String token, Instant at);

    /**
     * Opts out every customer of the project with this phone number (an SMS reply STOP).
     *
     * @param projectId the project
     * @param phone     the number in E.164
     * @param at        the time
     * @return how many customers were opted out
     */
    int optOutPhone(UUID projectId, String phone, Instant at);

    /**
     * @param projectId the project
     * @return the project's review URL, where {@code /r/{token}} sends customers without a location review URL
     */
    Optional<String> reviewUrl(UUID projectId);

    /**
     * @param projectId the project
     * @param url       its review URL, or {@code null} to remove it
     */
    void reviewUrl(UUID projectId, String url);

    /**
     * Keeps an e-mail in the built-in mail sink.
     *
     * @param projectId the project
     * @param mail      the message
     */
    void capture(UUID projectId, CapturedMail mail);

    /**
     * @param projectId the project
     * @param limit     page size
     * @param after     cursor from the previous page, or {@code null}
     * @return the mail the sink kept for the project, newest first
     */
    Page<CapturedMail> captured(UUID projectId, int limit, String after);
}
