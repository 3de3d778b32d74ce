package de.bewertungsbox.api.customer;

/**
 * A freshly created API key: the only moment the secret is visible. It is stored hashed.
 *
 * @param key    the stored description of the key
 * @param secret the full key to hand to the client once
 */
public record CreatedApiKey(ApiKey key, String secret) {
    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", secret=***]";
    }
}
