package de.bewertungsbox.customerstore.internal;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Working copy of one {@code bb_customer} row during a bulk upsert; confined to one thread. */
final class CustomerRow {
    static final String COLUMNS = "id, first_name, last_name, email, phone, company, location_id, signed_up_at, "
            + "has_subscription, opted_out_at, sources";

    final UUID id;
    final boolean isNew;
    boolean dirty;
    String firstName;
    String lastName;
    String email;
    String phone;
    String company;
    UUID locationId;
    LocalDateTime signedUpAt;
    boolean hasSubscription;
    LocalDateTime optedOutAt;
    final Set<String> sources = new LinkedHashSet<>();

    CustomerRow(UUID id, boolean isNew) {
        this.id = id;
        this.isNew = isNew;
    }

    String sourcesColumn() {
        return String.join(",", sources);
    }

    void sourcesFromColumn(String column) {
        if (column != null && !column.isEmpty()) {
            for (String s : column.split(",")) {
                sources.add(s);
            }
        }
    }

    /** Applies the non-empty fields of a record; returns whether anything changed. */
    boolean merge(Normalised n, LocalDateTime signedUp, LocalDateTime optedOut) {
        boolean changed = false;
        if (n.firstName() != null && !n.firstName().equals(firstName)) { firstName = n.firstName(); changed = true; }
        if (n.lastName() != null && !n.lastName().equals(lastName)) { lastName = n.lastName(); changed = true; }
        if (n.email() != null && !n.email().equals(email)) { email = n.email(); changed = true; }
        if (n.phone() != null && !n.phone().equals(phone)) { phone = n.phone(); changed = true; }
        if (n.company() != null && !n.company().equals(company)) { company = n.company(); changed = true; }
        if (n.locationId() != null && !n.locationId().equals(locationId)) { locationId = n.locationId(); changed = true; }
        if (signedUp != null && !signedUp.equals(signedUpAt)) { signedUpAt = signedUp; changed = true; }
        if (n.hasSubscription() != null && n.hasSubscription() != hasSubscription) {
            hasSubscription = n.hasSubscription();
            changed = true;
        }
        if (optedOut != null && !Objects.equals(optedOut, optedOutAt)) { optedOutAt = optedOut; changed = true; }
        if (sources.add(n.source())) {
            changed = true;
        }
        return changed;
    }
}
