-- Extra grants of platform permissions (the seed's deploy.deployers, workspace.users,
-- storage.creators, repository.uploaders lists): one row per listed user, group or role.
CREATE SEQUENCE permission_grant_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE permission_grant (
    id             BIGINT       NOT NULL PRIMARY KEY,
    permission_key VARCHAR(64)  NOT NULL,
    kind           VARCHAR(10)  NOT NULL,
    name           VARCHAR(255) NOT NULL,
    CONSTRAINT permission_grant_unique UNIQUE (permission_key, kind, name)
);
