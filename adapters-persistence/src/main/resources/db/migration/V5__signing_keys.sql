-- The JWT signing key ring, shared by every instance on this database. The private half is encrypted by the server
-- (AES-GCM under the key-encryption key, quarterdeck.jwt.key-encryption-key or <data-dir>/keys/kek) before it
-- gets here; the public half is a JWK. The current key is the newest one not retired.

CREATE TABLE signing_keys (
    kid                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    public_jwk            VARCHAR(4096) NOT NULL,
    private_key_encrypted VARCHAR(8192) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at            TIMESTAMP WITH TIME ZONE
);

CREATE INDEX ix_signing_keys_retired_at ON signing_keys (retired_at);
