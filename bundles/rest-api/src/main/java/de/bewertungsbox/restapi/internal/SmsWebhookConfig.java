package de.bewertungsbox.restapi.internal;

/**
 * What {@link SmsWebhookResource} reads of the SMS gateway's configuration (PID
 * {@code de.bewertungsbox.notifier.sms}) and of {@code de.bewertungsbox.core}.
 */
@interface SmsWebhookConfig {
    /** @return the gateway's auth token, the key of its webhook signature; empty: no SMS gateway */
    String auth__token() default "";

    /** @return where the gateway reaches this server (the signed URL starts with it) */
    String public__url() default "http://localhost:8181";
}
