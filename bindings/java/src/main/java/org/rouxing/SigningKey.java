package org.rouxing;

import java.util.Objects;

/**
 * An Ed25519 signing key supplied by the embedding system (签章密钥): a key id and the 32-byte RFC 8032
 * seed, from the agency's key store or HSM export. rouxing never generates, stores or prints a key:
 * the seed lives in this object only, and {@link #toString()} shows the key id alone.
 */
public final class SigningKey {
    private final String keyId;
    private final byte[] seed;

    private SigningKey(String keyId, byte[] seed) {
        this.keyId = keyId;
        this.seed = seed;
    }

    /**
     * A signing key from its id and 32-byte seed.
     *
     * @param keyId the key id recorded with every signature
     * @param seed the 32-byte Ed25519 seed (copied)
     * @return the key
     * @throws InputException if the seed is not 32 bytes
     */
    public static SigningKey ed25519(String keyId, byte[] seed) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(seed, "seed");
        if (seed.length != 32) {
            throw new InputException("an Ed25519 seed is 32 bytes, not " + seed.length);
        }
        return new SigningKey(keyId, seed.clone());
    }

    /**
     * The key id.
     *
     * @return the key id
     */
    public String keyId() {
        return keyId;
    }

    /**
     * The matching verifying key, to give to verifiers.
     *
     * @return the public key with the key id
     */
    public VerifyingKey verifyingKey() {
        return new VerifyingKey(keyId, Native.ed25519PublicKey(keyId, seed));
    }

    byte[] seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
