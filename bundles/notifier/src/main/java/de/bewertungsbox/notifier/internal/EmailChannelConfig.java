package de.bewertungsbox.notifier.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The platform's SMTP server (PID {@code de.bewertungsbox.notifier.email}); no host = the built-in mail sink. */
@ObjectClassDefinition(name = "BewertungsBox e-mail channel")
@interface EmailChannelConfig {
    /** @return SMTP host; empty keeps mail in the built-in sink (visible through the API) */
    String host() default "";

    /** @return SMTP port */
    int port() default 587;

    /** @return user name, empty for none */
    String username() default "";

    /** @return password */
    @AttributeDefinition(type = AttributeType.PASSWORD)
    String password() default "";

    /** @return none, starttls (required) or ssl */
    String tls() default "starttls";

    /** @return sender address */
    String from__address() default "reviews@bewertungsbox.local";

    /** @return sender name; empty uses the project's name */
    String from__name() default "";

    /** @return connect and read timeout */
    int timeout__seconds() default 30;
}
