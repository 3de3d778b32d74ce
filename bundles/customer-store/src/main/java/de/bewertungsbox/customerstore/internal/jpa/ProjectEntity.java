package de.bewertungsbox.customerstore.internal.jpa;

import java.time.LocalDateTime;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import de.bewertungsbox.api.customer.Project;

/** Row of {@code bb_project}. */
@Entity
@Table(name = "bb_project")
public class ProjectEntity {
    @Id
    @Convert(converter = UuidConverter.class)
    public UUID id;
    public String slug;
    public String name;
    @Column(name = "bcc_token")
    public String bccToken;
    @Column(name = "default_region")
    public String defaultRegion;
    @Column(name = "created_at")
    public LocalDateTime createdAt;

    /** @return the API record */
    public Project toRecord() {
        return new Project(id, slug, name, bccToken, defaultRegion, Times.toInstant(createdAt));
    }
}
