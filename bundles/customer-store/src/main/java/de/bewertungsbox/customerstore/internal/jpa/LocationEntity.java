package de.bewertungsbox.customerstore.internal.jpa;

import java.time.LocalDateTime;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import de.bewertungsbox.api.customer.Location;

/** Row of {@code bb_location}. */
@Entity
@Table(name = "bb_location")
public class LocationEntity {
    @Id
    @Convert(converter = UuidConverter.class)
    public UUID id;
    @Column(name = "project_id")
    @Convert(converter = UuidConverter.class)
    public UUID projectId;
    public String slug;
    public String name;
    @Column(name = "review_url")
    public String reviewUrl;
    @Column(name = "created_at")
    public LocalDateTime createdAt;

    /** @return the API record */
    public Location toRecord() {
        return new Location(id, projectId, slug, name, reviewUrl);
    }
}
