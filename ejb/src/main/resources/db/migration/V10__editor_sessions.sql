-- Editor sessions; their processes and state belong to the runtime.
CREATE TABLE editor_session (
    id         VARCHAR(16)  NOT NULL PRIMARY KEY,
    project_id VARCHAR(16)  NOT NULL,
    owner      VARCHAR(255) NOT NULL,
    editor     VARCHAR(16)  NOT NULL,
    profile    VARCHAR(63)  NOT NULL,
    secret     VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX editor_session_owner_idx ON editor_session (owner);
CREATE INDEX editor_session_project_idx ON editor_session (project_id);
