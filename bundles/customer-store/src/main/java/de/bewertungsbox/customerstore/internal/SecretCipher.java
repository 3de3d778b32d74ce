package de.bewertungsbox.customerstore.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value; the project id and secret name are bound in as associated data,
 * so a ciphertext copied to another row does not decrypt. Output: base64("v1" nonce ciphertext+tag).
 */
final class SecretCipher {
    private static final int NONCE = 12;
    private static final byte VERSION = 1;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the encryption key must be 32 bytes (256 bits), got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    String encrypt(String plain, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE + ct.length).put(VERSION).put(nonce).put(ct);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    String decrypt(String encoded, String context) {
        try {
            byte[] all = Base64.getDecoder().decode(encoded);
            if (all.length < 1 + NONCE + 16 || all[0] != VERSION) {
                throw new IllegalStateException("stored secret has an unknown format");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 1, NONCE));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(all, 1 + NONCE, all.length - 1 - NONCE);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored secret cannot be decrypted (wrong encryption key?)", e);
        }
    }
}
