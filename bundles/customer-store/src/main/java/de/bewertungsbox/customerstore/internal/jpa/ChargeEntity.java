package de.bewertungsbox.customerstore.internal.jpa;

import java.time.LocalDateTime;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import de.bewertungsbox.api.customer.Charge;

/** Row of {@code bb_charge}. */
@Entity
@Table(name = "bb_charge")
public class ChargeEntity {
    @Id
    @Convert(converter = UuidConverter.class)
    public UUID id;
    @Column(name = "project_id")
    @Convert(converter = UuidConverter.class)
    public UUID projectId;
    @Column(name = "customer_id")
    @Convert(converter = UuidConverter.class)
    public UUID customerId;
    public long amount;
    public String currency;
    @Column(name = "charged_at")
    public LocalDateTime chargedAt;
    public String source;
    @Column(name = "external_id")
    public String externalId;

    /** @return the API record */
    public Charge toRecord() {
        return new Charge(id, projectId, customerId, amount, currency, Times.toInstant(chargedAt), source, externalId);
    }
}
