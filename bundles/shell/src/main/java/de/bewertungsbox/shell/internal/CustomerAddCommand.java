package de.bewertungsbox.shell.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.api.customer.UpsertResult;

/** Manual entry: creates or updates one customer through the store's one validation path (source {@code manual}). */
@Service
@Command(scope = "bb", name = "customer-add", description = "Adds a customer by hand (or updates the one with that e-mail)")
public class CustomerAddCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    CustomerStore customers;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Option(name = "--first-name", required = true, description = "First name")
    String firstName;

    @Option(name = "--last-name", description = "Last name")
    String lastName;

    @Option(name = "--email", description = "E-mail address (e-mail or phone is required)")
    String email;

    @Option(name = "--phone", description = "Phone number, any notation")
    String phone;

    @Option(name = "--company", description = "Company")
    String company;

    @Option(name = "--location", description = "Location slug or id")
    String location;

    @Option(name = "--signed-up", description = "Signup date, YYYY-MM-DD (default: now)")
    String signedUp;

    @Override
    public Object execute() {
        CustomerInput in = CustomerInput.builder().firstName(firstName).lastName(lastName).email(email).phone(phone)
                .company(company).location(location).signedUpAt(date(signedUp)).source("manual").build();
        UpsertResult r = customers.upsert(Projects.resolve(projects, project).id(), in);
        if (r.outcome() == UpsertOutcome.REJECTED) {
            throw new IllegalArgumentException("not stored: " + r.errors().stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        }
        System.out.println("Customer " + r.customerId() + " " + r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        return null;
    }

    private static Instant date(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--signed-up '" + v + "' is not a date (YYYY-MM-DD)");
        }
    }
}
