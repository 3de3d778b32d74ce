package de.bewertungsbox.api.customer;

import java.time.Instant;

/**
 * A customer record as a source delivers it, before validation and normalisation. Every field may be
 * {@code null}; on update, {@code null} or blank fields leave the stored value alone ("non-empty fields win").
 *
 * @param firstName       required for a new customer
 * @param lastName        optional
 * @param email           e-mail address; e-mail or phone is required
 * @param phone           phone number in any common notation; normalised to E.164
 * @param company         company name
 * @param location        slug or UUID of an existing location of the project
 * @param signedUpAt      signup time; {@code null} means "now" for a new customer
 * @param hasSubscription whether the customer has an active subscription; {@code null} = unknown, keep
 * @param unsubscribedAt  when the customer opted out of review requests; {@code null} = keep
 * @param source          where the record came from ({@code csv}, {@code api}, {@code stripe}, ...)
 * @param externalId      the source's own id for this customer, if it has one
 */
public record CustomerInput(String firstName, String lastName, String email, String phone, String company,
                            String location, Instant signedUpAt, Boolean hasSubscription, Instant unsubscribedAt,
                            String source, String externalId) {

    /**
     * Starts a builder, handy for sources that fill fields one by one.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder for {@link CustomerInput}; not thread-safe. */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private String email;
        private String phone;
        private String company;
        private String location;
        private Instant signedUpAt;
        private Boolean hasSubscription;
        private Instant unsubscribedAt;
        private String source;
        private String externalId;

        private Builder() {
        }

        /** @param v first name @return this */
        public Builder firstName(String v) { firstName = v; return this; }
        /** @param v last name @return this */
        public Builder lastName(String v) { lastName = v; return this; }
        /** @param v e-mail address @return this */
        public Builder email(String v) { email = v; return this; }
        /** @param v phone number @return this */
        public Builder phone(String v) { phone = v; return this; }
        /** @param v company @return this */
        public Builder company(String v) { company = v; return this; }
        /** @param v location slug or UUID @return this */
        public Builder location(String v) { location = v; return this; }
        /** @param v signup time @return this */
        public Builder signedUpAt(Instant v) { signedUpAt = v; return this; }
        /** @param v subscription flag @return this */
        public Builder hasSubscription(Boolean v) { hasSubscription = v; return this; }
        /** @param v opt-out time @return this */
        public Builder unsubscribedAt(Instant v) { unsubscribedAt = v; return this; }
        /** @param v source id @return this */
        public Builder source(String v) { source = v; return this; }
        /** @param v the source's id of the customer @return this */
        public Builder externalId(String v) { externalId = v; return this; }

        /** @return the record */
        public CustomerInput build() {
            return new CustomerInput(firstName, lastName, email, phone, company, location, signedUpAt,
                    hasSubscription, unsubscribedAt, source, externalId);
        }
    }
}
