-- Projects: the aggregate beside each project's bare git repository (named by id).
CREATE TABLE project (
    id          VARCHAR(16)   NOT NULL PRIMARY KEY,
    owner       VARCHAR(255)  NOT NULL,
    name        VARCHAR(64)   NOT NULL,
    description VARCHAR(1000),
    template    VARCHAR(32)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT project_owner_name_unique UNIQUE (owner, name)
);

CREATE INDEX project_owner_idx ON project (owner);
