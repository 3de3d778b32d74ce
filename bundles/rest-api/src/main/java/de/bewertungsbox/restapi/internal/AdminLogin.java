package de.bewertungsbox.restapi.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * Checks administrator credentials against a Karaf JAAS realm; the user needs the role {@code admin}. A success is
 * remembered for a short while under a hash of the credentials (never the password itself), so a console making
 * many calls does not run the realm's password hashing on each. Thread-safe.
 */
final class AdminLogin {
    private static final Duration REMEMBER = Duration.ofMinutes(2);

    private final String realm;
    private final Clock clock;
    private final Map<String, Instant> remembered = new ConcurrentHashMap<>();

    AdminLogin(String realm, Clock clock) {
        this.realm = realm;
        this.clock = clock;
    }

    /** @return whether user and password belong to an administrator */
    boolean check(String user, String password) {
        String key = hash(user + '\u0000' + password);
        Instant until = remembered.get(key);
        Instant now = clock.instant();
        if (until != null && until.isAfter(now)) {
            return true;
        }
        remembered.remove(key);
        if (!login(user, password)) {
            return false;
        }
        if (remembered.size() > 1_000) {
            remembered.clear();
        }
        remembered.put(key, now.plus(REMEMBER));
        return true;
    }

    private boolean login(String user, String password) {
        Subject subject = new Subject();
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(AdminLogin.class.getClassLoader());
        try {
            LoginContext lc = new LoginContext(realm, subject, callbacks -> {
                for (Callback c : callbacks) {
                    if (c instanceof NameCallback n) {
                        n.setName(user);
                    } else if (c instanceof PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(c);
                    }
                }
            });
            lc.login();
            try {
                for (Principal p : subject.getPrincipals()) {
                    if (p instanceof RolePrincipal && "admin".equals(p.getName())) {
                        return true;
                    }
                }
                return false;
            } finally {
                lc.logout();
            }
        } catch (LoginException e) {
            return false;
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
