package de.bewertungsbox.importerbcc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code de.bewertungsbox.importer.bcc}: the BCC SMTP receiver. */
@ObjectClassDefinition(name = "BewertungsBox BCC importer")
@interface BccConfig {
    @AttributeDefinition(name = "Port", description = "SMTP port of the BCC receiver")
    int port() default 2525;

    @AttributeDefinition(name = "Bind address", description = "Interface to listen on; 127.0.0.1 = this machine "
            + "only, 0.0.0.0 = every interface (configure a keystore for STARTTLS then)")
    String bind__address() default "127.0.0.1";

    @AttributeDefinition(name = "Domain", description = "Domain of the projects' BCC addresses (<token>@domain); "
            + "mail for any other domain is refused (no relaying)")
    String domain() default "bcc.bewertungsbox.local";

    @AttributeDefinition(name = "Host name", description = "Name the server greets with")
    String hostname() default "";

    @AttributeDefinition(name = "Largest message (MB)", description = "Bigger messages are refused with 552")
    int max__message__mb() default 10;

    @AttributeDefinition(name = "Recipients per message", description = "More RCPT TO are refused with 452")
    int max__recipients() default 100;

    @AttributeDefinition(name = "Connections", description = "Open SMTP connections at once, in all")
    int max__connections() default 50;

    @AttributeDefinition(name = "Connections per client", description = "Open connections at once per client address")
    int max__connections__per__client() default 5;

    @AttributeDefinition(name = "Messages per minute per client", description = "Beyond this a client address gets "
            + "450 (try later)")
    int messages__per__minute() default 60;

    @AttributeDefinition(name = "Keystore", description = "PKCS12 keystore with the server's key and certificate; "
            + "when set, STARTTLS is offered")
    String keystore__path() default "";

    @AttributeDefinition(name = "Keystore password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String keystore__password() default "";

    @AttributeDefinition(name = "Require TLS", description = "Refuse mail before STARTTLS (needs a keystore)")
    boolean require__tls() default false;
}
