-- Personal access tokens: only a SHA-256 hash of each secret is stored.
CREATE TABLE access_token (
    id           VARCHAR(16)  NOT NULL PRIMARY KEY,
    owner        VARCHAR(255) NOT NULL,
    name         VARCHAR(100) NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX access_token_owner_idx ON access_token (owner);
