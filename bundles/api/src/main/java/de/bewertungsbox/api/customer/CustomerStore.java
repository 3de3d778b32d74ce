package de.bewertungsbox.api.customer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Customers and charges of projects. Every method is scoped to one project: an id of another project's object
 * behaves exactly like an id that does not exist.
 *
 * <p>All writes go through one validation and normalisation path, whichever door (CSV, API, Stripe, ...) the data
 * came through. A customer's identity within a project is (source, external id), else e-mail, else phone (for
 * records without e-mail); a second record for the same identity updates the customer, non-empty fields winning.
 *
 * <p>Registered only while the database is reachable and its schema is current.
 */
@ProviderType
public interface CustomerStore {

    /**
     * Largest number of records one {@link #upsertAll} call accepts.
     */
    int MAX_BATCH = 10_000;

    /**
     * Validates and normalises a record without storing anything.
     *
     * @param projectId the project
     * @param input     the record
     * @return every field error, empty when the record is valid
     * @throws NotFoundException when the project does not exist
     */
    List<FieldError> validate(UUID projectId, CustomerInput input);

    /**
     * Creates or updates one customer.
     *
     * @param projectId the project
     * @param input     the record
     * @return the outcome; {@link UpsertOutcome#REJECTED} with field errors when invalid
     * @throws NotFoundException when the project does not exist
     */
    UpsertResult upsert(UUID projectId, CustomerInput input);

    /**
     * Creates or updates many customers in one transaction, using batched writes. Invalid records are rejected
     * with their field errors; the valid ones beside them are stored. Records in the batch that share an identity
     * merge into one customer.
     *
     * @param projectId the project
     * @param inputs    up to {@link #MAX_BATCH} records
     * @return one result per record, in order
     * @throws IllegalArgumentException when the batch is larger than {@link #MAX_BATCH}
     * @throws NotFoundException        when the project does not exist
     */
    BatchResult upsertAll(UUID projectId, List<CustomerInput> inputs);

    /**
     * Changes one customer, found by id: the non-empty fields of {@code patch} replace the stored ones, and the
     * result is validated as a whole. The customer's identity may change (a new e-mail address), unless another
     * customer of the project has it.
     *
     * @param projectId  the project
     * @param customerId the customer
     * @param patch      the fields to change; {@code null} or blank fields keep their value
     * @return {@link UpsertOutcome#UPDATED}, {@link UpsertOutcome#UNCHANGED} or {@link UpsertOutcome#REJECTED}
     * @throws NotFoundException when the customer does not exist in the project
     */
    UpsertResult update(UUID projectId, UUID customerId, CustomerInput patch);

    /**
     * @param projectId  the project
     * @param customerId the customer
     * @return the customer, if it exists in this project
     */
    Optional<Customer> find(UUID projectId, UUID customerId);

    /**
     * Lists customers ordered by id (creation order), one page at a time.
     *
     * @param projectId the project
     * @param query     filters and cursor
     * @return the page
     */
    Page<Customer> list(UUID projectId, CustomerQuery query);

    /**
     * @param projectId the project
     * @return how many customers the project has
     */
    long count(UUID projectId);

    /**
     * Erases a customer and everything about them (charges, external references).
     *
     * @param projectId  the project
     * @param customerId the customer
     * @return {@code false} when no such customer exists in the project
     */
    boolean erase(UUID projectId, UUID customerId);

    /**
     * Records a charge and updates the customer's billing figures in the same transaction.
     *
     * @param projectId the project
     * @param input     the charge
     * @return the stored charge and whether it is new
     * @throws NotFoundException   when the customer does not exist in the project
     * @throws ValidationException when the amount or currency is invalid
     */
    ChargeResult addCharge(UUID projectId, ChargeInput input);

    /**
     * @param projectId  the project
     * @param customerId the customer
     * @return the customer's charges, newest first
     * @throws NotFoundException when the customer does not exist in the project
     */
    List<Charge> charges(UUID projectId, UUID customerId);
}
