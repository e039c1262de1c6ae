-- Deployments: a project's command served behind the proxy at /apps/{url_path}/, in one or more
-- versions that share its traffic. Processes and their state belong to the runtime.
CREATE TABLE deployment (
    id          VARCHAR(16)  NOT NULL PRIMARY KEY,
    name        VARCHAR(63)  NOT NULL,
    url_path    VARCHAR(63)  NOT NULL,
    project_id  VARCHAR(16)  NOT NULL,
    owner       VARCHAR(255) NOT NULL,
    command     VARCHAR(255) NOT NULL,
    profile     VARCHAR(63)  NOT NULL,
    is_public   BOOLEAN      NOT NULL,
    secret      VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT deployment_name_uq UNIQUE (name),
    CONSTRAINT deployment_url_path_uq UNIQUE (url_path)
);

CREATE INDEX deployment_owner_idx ON deployment (owner);
CREATE INDEX deployment_project_idx ON deployment (project_id);

CREATE TABLE deployment_version (
    id            VARCHAR(16)  NOT NULL PRIMARY KEY,
    deployment_id VARCHAR(16)  NOT NULL REFERENCES deployment (id) ON DELETE CASCADE,
    label         VARCHAR(255) NOT NULL,
    commit_id     VARCHAR(40)  NOT NULL,
    weight        INTEGER      NOT NULL,
    group_name    VARCHAR(255),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    failure       VARCHAR(2000)
);

CREATE INDEX deployment_version_deployment_idx ON deployment_version (deployment_id);

CREATE TABLE deployment_share (
    deployment_id VARCHAR(16)  NOT NULL REFERENCES deployment (id) ON DELETE CASCADE,
    kind          VARCHAR(8)   NOT NULL,
    name          VARCHAR(255) NOT NULL,
    PRIMARY KEY (deployment_id, kind, name)
);

-- Tokens for machines calling a deployment: only a SHA-256 hash of each secret is stored.
CREATE TABLE deployment_token (
    id            VARCHAR(16)  NOT NULL PRIMARY KEY,
    deployment_id VARCHAR(16)  NOT NULL REFERENCES deployment (id) ON DELETE CASCADE,
    created_by    VARCHAR(255) NOT NULL,
    secret_hash   VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX deployment_token_deployment_idx ON deployment_token (deployment_id);
