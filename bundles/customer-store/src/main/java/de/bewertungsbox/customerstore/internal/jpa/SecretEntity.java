package de.bewertungsbox.customerstore.internal.jpa;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** Row of {@code bb_secret}: one encrypted value per project and name. */
@Entity
@Table(name = "bb_secret")
@IdClass(SecretEntity.Key.class)
public class SecretEntity {
    @Id
    @Column(name = "project_id")
    @Convert(converter = UuidConverter.class)
    public UUID projectId;
    @Id
    public String name;
    public String ciphertext;
    @Column(name = "updated_at")
    public LocalDateTime updatedAt;

    /** Composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        /** project part */
        public UUID projectId;
        /** name part */
        public String name;

        /** For JPA. */
        public Key() {
        }

        /**
         * @param projectId project part
         * @param name      name part
         */
        public Key(UUID projectId, String name) {
            this.projectId = projectId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, name);
        }
    }
}
