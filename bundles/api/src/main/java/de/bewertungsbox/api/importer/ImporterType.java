package de.bewertungsbox.api.importer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Gives an {@link Importer} component its identity as service properties {@code importer.id},
 * {@code importer.label} and {@code importer.kind}:
 * <pre>
 * &#64;Component(service = Importer.class)
 * &#64;ImporterType(id = "csv", label = "CSV file")
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ImporterType {
    /** Prefix of the service property names. */
    String PREFIX_ = "importer.";

    /** @return the importer's id: lower case letters, digits and dashes; unique in the installation */
    String id();

    /** @return a short human-readable name */
    String label();

    /** @return whether records are delivered to us or fetched */
    ImporterKind kind() default ImporterKind.PUSH;
}
