package de.bewertungsbox.customerstore.internal.jpa;

import java.util.UUID;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * Hands {@link UUID} values to the JDBC driver as they are, so H2 and PostgreSQL store them in native UUID columns
 * (EclipseLink 2.7 would otherwise serialize them).
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, Object> {
    @Override
    public Object convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(Object dbData) {
        if (dbData == null || dbData instanceof UUID) {
            return (UUID) dbData;
        }
        return UUID.fromString(dbData.toString());
    }
}
