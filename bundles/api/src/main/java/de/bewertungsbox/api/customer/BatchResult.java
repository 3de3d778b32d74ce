package de.bewertungsbox.api.customer;

import java.util.List;

/**
 * The outcome of a bulk create-or-update: one result per submitted record, in submission order.
 *
 * @param results per-record outcomes
 */
public record BatchResult(List<UpsertResult> results) {
    /** Makes the list immutable. */
    public BatchResult {
        results = List.copyOf(results);
    }

    /**
     * @param outcome the outcome to count
     * @return how many records had it
     */
    public int count(UpsertOutcome outcome) {
        int n = 0;
        for (UpsertResult r : results) {
            if (r.outcome() == outcome) {
                n++;
            }
        }
        return n;
    }
}
