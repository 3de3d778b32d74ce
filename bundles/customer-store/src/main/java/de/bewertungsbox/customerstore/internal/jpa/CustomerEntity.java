package de.bewertungsbox.customerstore.internal.jpa;

import java.time.LocalDateTime;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code bb_customer}; read through JPA, written in bulk through JDBC. */
@Entity
@Table(name = "bb_customer")
public class CustomerEntity {
    @Id
    @Convert(converter = UuidConverter.class)
    public UUID id;
    @Column(name = "project_id")
    @Convert(converter = UuidConverter.class)
    public UUID projectId;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String email;
    public String phone;
    public String company;
    @Column(name = "location_id")
    @Convert(converter = UuidConverter.class)
    public UUID locationId;
    @Column(name = "signed_up_at")
    public LocalDateTime signedUpAt;
    @Column(name = "has_subscription")
    public boolean hasSubscription;
    @Column(name = "opted_out_at")
    public LocalDateTime optedOutAt;
    public String sources;
    @Column(name = "charge_count")
    public int chargeCount;
    @Column(name = "last_charge_at")
    public LocalDateTime lastChargeAt;
    @Column(name = "created_at")
    public LocalDateTime createdAt;
    @Column(name = "updated_at")
    public LocalDateTime updatedAt;
}
