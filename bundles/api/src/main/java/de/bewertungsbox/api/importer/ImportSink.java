package de.bewertungsbox.api.importer;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;

/**
 * Receives the records of one import job. It validates each through the store's one validation path, merges
 * records that share an identity, writes in batches, counts outcomes, keeps rejected rows for the job report, and
 * publishes progress. Not thread-safe: call it from the thread running {@link Importer#run}.
 *
 * <p>Every method throws {@link ImportCancelledException} once the job is cancelled (by a user, or because the
 * importer is being removed); let it propagate.
 */
@ProviderType
public interface ImportSink {

    /**
     * Declares the source's columns, once, before the first record. The header is the first line of the
     * "rejected rows" download; ignored columns are listed in the report.
     *
     * @param header  the source's column names as given
     * @param ignored the columns the importer does not understand
     */
    void columns(List<String> header, List<String> ignored);

    /**
     * Hands over one record.
     *
     * @param at       where the record is in the source, with its raw values
     * @param customer the record mapped to a customer; its {@code source} is filled in by the sink when empty
     */
    default void accept(SourceRow at, CustomerInput customer) {
        accept(at, customer, List.of());
    }

    /**
     * Hands over one record with problems the importer found while mapping it (an unreadable date, say). The record
     * is still validated, so the report lists every problem of the row at once; it is rejected when either finds
     * one.
     *
     * @param at          where the record is in the source, with its raw values
     * @param customer    the record mapped to a customer, fields that could not be read left {@code null}
     * @param parseErrors the problems found while mapping; may be empty
     */
    void accept(SourceRow at, CustomerInput customer, List<FieldError> parseErrors);

    /**
     * Rejects a record the importer could not map at all.
     *
     * @param at     where the record is in the source, with its raw values
     * @param errors why; at least one
     */
    void reject(SourceRow at, List<FieldError> errors);

    /**
     * Reports how far the job is, in units of the importer's choosing (bytes of a file, pages of an API).
     *
     * @param done  units done
     * @param total units in all, or -1 when unknown
     */
    void progress(long done, long total);

    /**
     * Hands over one payment or refund of a customer this source imported. Payments are stored after every
     * customer handed over before them, so a source may send its customers first and their payments after.
     *
     * @param at     where the payment is in the source, with its raw values
     * @param charge the payment
     */
    void charge(SourceRow at, ImportCharge charge);

    /**
     * The source deleted a customer. The customer's link to this source is removed; a customer no other source
     * knows is erased with their charges. Stored after every record handed over before it.
     *
     * @param at         where the deletion is in the source
     * @param externalId the source's id of the customer
     */
    void forget(SourceRow at, String externalId);
}
