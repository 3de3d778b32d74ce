package de.bewertungsbox.importerstripe.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.HasId;
import com.stripe.model.StripeCollection;

import de.bewertungsbox.api.importer.ImportCancelledException;
import de.bewertungsbox.api.importer.ImportException;

/**
 * Calls Stripe for one job through stripe-java, with the retries a long sync needs: stripe-java itself retries only
 * what Stripe marks retryable, so a rate limit (429), a server error (5xx) or a network failure is retried here with
 * exponential backoff, and a refused key ends the job with a message the user can act on. Lists are paged with
 * {@code starting_after} as stripe-java's auto-paging does, with the next page fetched while the current one is
 * processed, and each page retried on its own (auto-paging cannot resume after a failure).
 */
final class StripeCalls {
    private static final Logger LOG = LoggerFactory.getLogger(StripeCalls.class);

    /** One Stripe request. */
    @FunctionalInterface
    interface Call<T> {
        T call(StripeClient client) throws StripeException;
    }

    /** One page of a list, after the given object id ({@code null} for the first page). */
    @FunctionalInterface
    interface PageCall<T extends HasId> {
        StripeCollection<T> page(StripeClient client, String startingAfter) throws StripeException;
    }

    /** Receives the objects of a list in Stripe's order. */
    @FunctionalInterface
    interface Each<T> {
        void accept(T item) throws ImportException;
    }

    private final StripeClient client;
    private final int maxAttempts;
    private final long firstDelayMs;
    private final BooleanSupplier cancelled;
    private final Executor prefetch;

    StripeCalls(StripeSettings settings, int maxAttempts, long firstDelayMs, BooleanSupplier cancelled,
                Executor prefetch) {
        this.client = StripeClient.builder().setApiKey(settings.apiKey()).setApiBase(settings.apiBase())
                .setMaxNetworkRetries(0).setConnectTimeout(30_000).setReadTimeout(80_000).build();
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstDelayMs = Math.max(1, firstDelayMs);
        this.cancelled = cancelled;
        this.prefetch = prefetch;
    }

    /** Makes one request, retrying what is worth retrying. */
    <T> T call(String what, Call<T> call) throws ImportException {
        long delay = firstDelayMs;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call(client);
            } catch (PermissionException e) {
                throw new ImportException("the Stripe key may not read " + what + " (403). A restricted key needs "
                        + "read access to customers, charges, subscriptions and events.", e);
            } catch (AuthenticationException e) {
                throw new ImportException("Stripe refused the API key (" + e.getStatusCode() + "): it was revoked, "
                        + "rolled or mistyped. Put a valid key with PUT /importers/stripe/config.", e);
            } catch (RateLimitException | ApiConnectionException e) {
                retryOrFail(what, attempt, delay, e);
            } catch (ApiException e) {
                if (e.getStatusCode() == null || e.getStatusCode() < 500) {
                    throw new ImportException("Stripe refused the request for " + what + ": " + messageOf(e), e);
                }
                retryOrFail(what, attempt, delay, e);
            } catch (StripeException e) {
                if (e.getStatusCode() != null && (e.getStatusCode() == 429 || e.getStatusCode() >= 500)) {
                    retryOrFail(what, attempt, delay, e);
                } else {
                    throw new ImportException("Stripe refused the request for " + what + ": " + messageOf(e), e);
                }
            }
            delay = Math.min(30_000, delay * 2);
        }
    }

    private void retryOrFail(String what, int attempt, long delay, StripeException e) throws ImportException {
        String status = e.getStatusCode() == null ? "network error" : "HTTP " + e.getStatusCode();
        if (attempt >= maxAttempts) {
            throw new ImportException("Stripe did not answer the request for " + what + " after " + attempt
                    + " attempts (" + status + "). What was read before is stored; sync again later.", e);
        }
        LOG.info("Stripe answered {} for {}; attempt {} of {} in {} ms", status, what, attempt + 1, maxAttempts,
                delay);
        sleep(delay);
    }

    private void sleep(long ms) {
        long until = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < until) {
            if (cancelled.getAsBoolean()) {
                throw new ImportCancelledException("cancelled while waiting for Stripe");
            }
            try {
                Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new ImportCancelledException("interrupted while waiting for Stripe");
            }
        }
    }

    /**
     * Walks a whole list, fetching page n+1 while page n is handed out.
     *
     * @return how many objects were handed out
     */
    <T extends HasId> long list(String what, PageCall<T> page, Each<T> each) throws ImportException {
        long n = 0;
        CompletableFuture<StripeCollection<T>> next = fetch(what, page, null);
        while (next != null) {
            StripeCollection<T> current = join(next);
            List<T> data = current.getData() == null ? List.of() : current.getData();
            next = Boolean.TRUE.equals(current.getHasMore()) && !data.isEmpty()
                    ? fetch(what, page, data.get(data.size() - 1).getId()) : null;
            for (T item : data) {
                if (cancelled.getAsBoolean()) {
                    throw new ImportCancelledException("cancelled");
                }
                each.accept(item);
                n++;
            }
        }
        return n;
    }

    private <T extends HasId> CompletableFuture<StripeCollection<T>> fetch(String what, PageCall<T> page,
                                                                           String after) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call(what, c -> page.page(c, after));
            } catch (ImportException e) {
                throw new CompletionException(e);
            }
        }, prefetch);
    }

    private static <T> T join(CompletableFuture<T> f) throws ImportException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ImportException ie) {
                throw ie;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static String messageOf(StripeException e) {
        String m = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
