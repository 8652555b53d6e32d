package org.rouxing;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An Ed25519 verifying (public) key with its key id (验签公钥与密钥标识): what a 司法局 or court holds
 * to check a case file and its checkpoints without being able to forge them.
 *
 * <p>The key id is the one recorded with every signature, so that a verifier holding old and new keys
 * after a rotation knows which to use.
 */
public final class VerifyingKey {
    private final String keyId;
    private final byte[] publicKey;

    /**
     * A verifying key from its id and the 32 bytes of the Ed25519 public key (RFC 8032).
     *
     * @param keyId the key id recorded with the signatures
     * @param publicKey the 32-byte public key (copied)
     * @throws InputException if the key is not 32 bytes
     */
    public VerifyingKey(String keyId, byte[] publicKey) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.length != 32) {
            throw new InputException("an Ed25519 public key is 32 bytes, not " + publicKey.length);
        }
        this.publicKey = publicKey.clone();
    }

    /**
     * A verifying key from its id and the public key as 64 hexadecimal digits (the form
     * {@code rouxing record verify --key <key id>:<hex>} takes).
     *
     * @param keyId the key id
     * @param hex 64 hexadecimal digits
     * @return the key
     * @throws InputException if the text is not 64 hexadecimal digits
     */
    public static VerifyingKey fromHex(String keyId, String hex) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(Objects.requireNonNull(hex, "hex"));
        } catch (IllegalArgumentException e) {
            throw new InputException("key `" + keyId + "`: not hexadecimal");
        }
        return new VerifyingKey(keyId, bytes);
    }

    /**
     * The key id.
     *
     * @return the key id recorded with the signatures
     */
    public String keyId() {
        return keyId;
    }

    /**
     * The public key.
     *
     * @return a copy of the 32 bytes
     */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The public key as 64 lowercase hexadecimal digits.
     *
     * @return the hex form
     */
    public String toHex() {
        return HexFormat.of().formatHex(publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey k && keyId.equals(k.keyId) && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return keyId + ":" + toHex();
    }
}
