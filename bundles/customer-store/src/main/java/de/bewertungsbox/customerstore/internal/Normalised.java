package de.bewertungsbox.customerstore.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer record after validation and normalisation: the one shape every source's data is stored in.
 * {@code null} means "not given" (keep the stored value on update).
 */
record Normalised(String firstName, String lastName, String email, String phone, String company, UUID locationId,
                  Instant signedUpAt, Boolean hasSubscription, Instant unsubscribedAt, String source,
                  String externalId) {
}
