-- Who a project is shared with: users or groups, with read or write access.
CREATE TABLE project_collaborator (
    project_id VARCHAR(16)  NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    kind       VARCHAR(8)   NOT NULL,
    name       VARCHAR(255) NOT NULL,
    access     VARCHAR(8)   NOT NULL,
    CONSTRAINT project_collaborator_unique UNIQUE (project_id, kind, name)
);

CREATE INDEX project_collaborator_name_idx ON project_collaborator (kind, name);
