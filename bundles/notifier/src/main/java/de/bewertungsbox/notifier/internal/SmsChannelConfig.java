package de.bewertungsbox.notifier.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The SMS gateway (PID {@code de.bewertungsbox.notifier.sms}), Twilio-shaped. The channel exists only while this
 * configuration does.
 */
@ObjectClassDefinition(name = "BewertungsBox SMS channel")
@interface SmsChannelConfig {
    /** @return the gateway's base URL */
    String base__url() default "https://api.twilio.com";

    /** @return account SID (the user name of the gateway's basic auth) */
    String account__sid();

    /** @return auth token (password; also the key of the inbound webhook signature) */
    @AttributeDefinition(type = AttributeType.PASSWORD)
    String auth__token();

    /** @return the sender number (E.164) or alphanumeric sender id */
    String from();

    /** @return request timeout */
    int timeout__seconds() default 30;
}
