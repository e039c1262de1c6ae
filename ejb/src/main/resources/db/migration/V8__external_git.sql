-- The external git service projects are mirrored to (one row; the token only AES-GCM encrypted,
-- its key in the data directory), and how mirroring each project went.
CREATE TABLE external_git (
    id                   INTEGER        NOT NULL PRIMARY KEY,
    type                 VARCHAR(32)    NOT NULL,
    url                  VARCHAR(1000)  NOT NULL,
    credential_url       VARCHAR(1000),
    repository_template  VARCHAR(200)   NOT NULL,
    organization         VARCHAR(255),
    username             VARCHAR(255),
    auth_token_encrypted VARCHAR(2000),
    enabled              BOOLEAN        NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(255)   NOT NULL,
    version              BIGINT         NOT NULL,
    CONSTRAINT external_git_single_row CHECK (id = 1)
);

CREATE TABLE project_mirror (
    project_id    VARCHAR(16)   NOT NULL PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    remote_url    VARCHAR(2000),
    last_push_at  TIMESTAMP WITH TIME ZONE,
    last_pushed   VARCHAR(2000),
    last_error_at TIMESTAMP WITH TIME ZONE,
    last_error    VARCHAR(2000),
    last_pull_at  TIMESTAMP WITH TIME ZONE
);
