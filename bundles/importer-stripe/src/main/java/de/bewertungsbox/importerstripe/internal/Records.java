package de.bewertungsbox.importerstripe.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.stripe.model.Charge;
import com.stripe.model.Customer;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.ImportCharge;
import de.bewertungsbox.api.importer.SourceRow;

/**
 * Maps Stripe objects to records. A customer's name is split at its last space ("Anna Maria Schmidt": first name
 * "Anna Maria", last name "Schmidt"); without a name, the shipping name is used. The company comes from the
 * metadata ({@code company}, {@code company_name}) or Stripe's business name. A charge counts when it succeeded and
 * was captured, for the captured amount; what was refunded of it is a second, negative record ({@code <ch>:refunded})
 * whose amount follows later refunds, so a customer's net spend stays true.
 */
final class Records {
    /** The columns of the "rejected rows" download; every row fills the ones that apply. */
    static final List<String> COLUMNS = List.of("object", "id", "customer", "name", "email", "phone", "amount",
            "currency", "created");
    static final String SOURCE = "stripe";
    static final String REFUND_SUFFIX = ":refunded";

    private Records() {
    }

    static SourceRow row(long n, Customer c) {
        return new SourceRow(n, 0, Arrays.asList("customer", c.getId(), c.getId(), name(c), c.getEmail(),
                c.getPhone(), "", "", String.valueOf(c.getCreated())));
    }

    static SourceRow row(long n, Charge c) {
        return new SourceRow(n, 0, Arrays.asList("charge", c.getId(), c.getCustomer(), "", "", "",
                String.valueOf(c.getAmount()), c.getCurrency(), String.valueOf(c.getCreated())));
    }

    /** @return the customer as a record, and why it cannot be imported when it cannot */
    static Mapped customer(Customer c, Boolean hasSubscription) {
        List<FieldError> problems = new ArrayList<>();
        String name = name(c);
        String first = null;
        String last = null;
        if (name == null) {
            problems.add(new FieldError("name", "the Stripe customer " + c.getId() + " has no name; add the name "
                    + "(or a shipping name) in Stripe and sync again"));
        } else {
            int space = name.lastIndexOf(' ');
            first = space > 0 ? name.substring(0, space).strip() : name;
            last = space > 0 ? name.substring(space + 1).strip() : null;
        }
        CustomerInput input = CustomerInput.builder().firstName(first).lastName(last).email(blank(c.getEmail()))
                .phone(blank(c.getPhone())).company(company(c))
                .signedUpAt(c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated()))
                .hasSubscription(hasSubscription).source(SOURCE).externalId(c.getId()).build();
        return new Mapped(input, problems);
    }

    /** A record and the problems found while mapping it. */
    record Mapped(CustomerInput input, List<FieldError> problems) {
    }

    /** @return whether the charge is a payment that counts: succeeded, captured, with a customer */
    static boolean counts(Charge c) {
        return "succeeded".equals(c.getStatus()) && !Boolean.FALSE.equals(c.getCaptured())
                && c.getCustomer() != null && c.getAmount() != null && c.getCurrency() != null;
    }

    /** @return the payment, plus its refunded part as a negative record when something was refunded */
    static List<ImportCharge> payments(Charge c) {
        Instant at = Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated());
        long captured = c.getAmountCaptured() != null && c.getAmountCaptured() > 0 ? c.getAmountCaptured()
                : c.getAmount();
        long refunded = c.getAmountRefunded() == null ? 0 : c.getAmountRefunded();
        if (refunded <= 0) {
            return List.of(new ImportCharge(c.getCustomer(), c.getId(), captured, c.getCurrency(), at));
        }
        return List.of(new ImportCharge(c.getCustomer(), c.getId(), captured, c.getCurrency(), at),
                new ImportCharge(c.getCustomer(), c.getId() + REFUND_SUFFIX, -refunded, c.getCurrency(), at));
    }

    static String name(Customer c) {
        String n = blank(c.getName());
        if (n == null && c.getShipping() != null) {
            n = blank(c.getShipping().getName());
        }
        if (n == null) {
            n = blank(c.getIndividualName());
        }
        return n == null ? null : n.replaceAll("\\s+", " ");
    }

    private static String company(Customer c) {
        Map<String, String> meta = c.getMetadata();
        if (meta != null) {
            for (String key : List.of("company", "company_name", "Company", "firma")) {
                String v = blank(meta.get(key));
                if (v != null) {
                    return v;
                }
            }
        }
        return blank(c.getBusinessName());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
