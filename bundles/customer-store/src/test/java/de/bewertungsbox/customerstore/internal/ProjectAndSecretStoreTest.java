package de.bewertungsbox.customerstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import de.bewertungsbox.api.customer.CreatedApiKey;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.LocationInput;
import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ValidationException;

class ProjectAndSecretStoreTest extends StoreTestBase {

    @ParameterizedTest
    @MethodSource("databases")
    void projectsGetUniqueSlugsAndBccTokens(String kind) {
        JpaProjectStore store = projects(kind);
        String name = "Bäckerei Müller " + UUID.randomUUID().toString().substring(0, 6);
        Project a = store.create(name);
        Project b = store.create(name);
        assertTrue(a.slug().startsWith("baeckerei-mueller-"));
        assertEquals(a.slug() + "-2", b.slug());
        assertNotEquals(a.bccToken(), b.bccToken());
        assertTrue(a.bccToken().length() >= 24);
        assertEquals(a, store.find(a.slug()).orElseThrow());
        assertEquals(a, store.find(a.id().toString()).orElseThrow());
        assertEquals(a, store.findByBccToken(a.bccToken()).orElseThrow());
        ValidationException e = assertThrows(ValidationException.class, () -> store.create("  "));
        assertEquals(List.of(new FieldError("name", "is required")), e.errors());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void apiKeysAreHashedShownOnceAndRevocable(String kind) throws Exception {
        JpaProjectStore store = projects(kind);
        Project p = store.create("Keys");
        CreatedApiKey k = store.createApiKey(p.id(), "zapier");
        assertEquals(p, store.authenticate(k.secret()).orElseThrow());
        assertFalse(k.toString().contains(k.secret()));
        assertTrue(store.authenticate(k.secret() + "x").isEmpty());
        assertTrue(store.authenticate(k.key().prefix() + "_" + "a".repeat(32)).isEmpty());
        assertTrue(store.authenticate("garbage").isEmpty());
        try (Connection c = db(kind).dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT key_hash FROM bb_api_key WHERE id = ?")) {
            ps.setObject(1, k.key().id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertNotEquals(k.secret(), rs.getString(1));
                assertEquals(Tokens.sha256(k.secret()), rs.getString(1));
            }
        }
        Project other = store.create("Other");
        assertFalse(store.revokeApiKey(other.id(), k.key().id()), "a key is revoked only through its project");
        assertTrue(store.revokeApiKey(p.id(), k.key().id()));
        assertTrue(store.authenticate(k.secret()).isEmpty());
        assertEquals(1, store.apiKeys(p.id()).size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void locationsValidateAndStayInTheirProject(String kind) {
        JpaProjectStore store = projects(kind);
        Project p = store.create("Locs");
        store.addLocation(p.id(), new LocationInput("mitte", "Mitte", "https://example.com/review"));
        ValidationException dup = assertThrows(ValidationException.class,
                () -> store.addLocation(p.id(), new LocationInput("mitte", "Again", null)));
        assertEquals("slug", dup.errors().get(0).field());
        ValidationException bad = assertThrows(ValidationException.class,
                () -> store.addLocation(p.id(), new LocationInput("Bad Slug", "", "ftp://x")));
        assertEquals(List.of("slug", "name", "review_url"), bad.errors().stream().map(FieldError::field).toList());
        assertEquals(1, store.locations(p.id()).size());
        assertTrue(store.locations(store.create("Empty").id()).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void secretsAreEncryptedAtRest(String kind) throws Exception {
        Project p = projects(kind).create("Secrets");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        JpaSecretStore secrets = new JpaSecretStore(db(kind).jpa, new SecretCipher(key), Clock.systemUTC());
        secrets.put(p.id(), "stripe.api_key", "sk_test_verysecret");
        secrets.put(p.id(), "stripe.api_key", "sk_test_replaced");
        assertEquals("sk_test_replaced", secrets.get(p.id(), "stripe.api_key").orElseThrow());
        try (Connection c = db(kind).dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ciphertext FROM bb_secret WHERE project_id = ?")) {
            ps.setObject(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains("sk_test"));
            }
        }
        byte[] other = new byte[32];
        JpaSecretStore wrongKey = new JpaSecretStore(db(kind).jpa, new SecretCipher(other), Clock.systemUTC());
        assertThrows(IllegalStateException.class, () -> wrongKey.get(p.id(), "stripe.api_key"));
        assertTrue(secrets.get(UUID.randomUUID(), "stripe.api_key").isEmpty());
        assertTrue(secrets.delete(p.id(), "stripe.api_key"));
        assertTrue(secrets.get(p.id(), "stripe.api_key").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migrationsApplyOnce(String kind) throws Exception {
        assertEquals(Migrations.SCRIPTS.size(), Migrations.migrate(db(kind).dataSource()));
        try (Connection c = db(kind).dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bb_schema_version");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(Migrations.SCRIPTS.size(), rs.getInt(1));
        }
    }
}
