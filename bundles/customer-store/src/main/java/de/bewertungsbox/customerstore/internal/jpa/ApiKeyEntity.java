package de.bewertungsbox.customerstore.internal.jpa;

import java.time.LocalDateTime;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import de.bewertungsbox.api.customer.ApiKey;

/** Row of {@code bb_api_key}: the key's public prefix and the SHA-256 of the whole key. */
@Entity
@Table(name = "bb_api_key")
public class ApiKeyEntity {
    @Id
    @Convert(converter = UuidConverter.class)
    public UUID id;
    @Column(name = "project_id")
    @Convert(converter = UuidConverter.class)
    public UUID projectId;
    public String prefix;
    @Column(name = "key_hash")
    public String keyHash;
    public String label;
    @Column(name = "created_at")
    public LocalDateTime createdAt;
    @Column(name = "revoked_at")
    public LocalDateTime revokedAt;

    /** @return the API record, without the hash */
    public ApiKey toRecord() {
        return new ApiKey(id, projectId, prefix, label, Times.toInstant(createdAt), Times.toInstant(revokedAt));
    }
}
