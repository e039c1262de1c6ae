-- Each user's own credentials for the external git service (the seed's "External Version Control
-- Credentials"): the user name there and a personal access token, AES-GCM encrypted with the key in
-- the data directory (it must be used again, so it cannot be hashed).
CREATE TABLE external_git_credential (
    username        VARCHAR(255)  NOT NULL PRIMARY KEY,
    git_username    VARCHAR(255)  NOT NULL,
    token_encrypted VARCHAR(2000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
