package de.bewertungsbox.api.strategy;

import java.time.Instant;
import java.util.List;

/**
 * Whether a customer would be asked for a review under the project's strategy, and why.
 *
 * @param eligible   whether every condition is met
 * @param reasons    each condition with its value, met or not ("2 charges, 3 required")
 * @param nextSendAt when the request would go out (inside the send window), or {@code null} when not eligible or
 *                   when there is nothing to count from yet
 */
public record Eligibility(boolean eligible, List<Reason> reasons, Instant nextSendAt) {
    /** Makes the reasons immutable. */
    public Eligibility {
        reasons = List.copyOf(reasons);
    }

    /**
     * One condition.
     *
     * @param condition   its name: {@code enabled}, {@code opted_out}, {@code trigger}, {@code require_subscription},
     *                    {@code min_charges}, {@code min_total}, {@code min_average}
     * @param met         whether the customer meets it
     * @param explanation in words, with the values
     */
    public record Reason(String condition, boolean met, String explanation) {
    }
}
