-- Mirror runs: conda channels or PyPI indexes copied into a Tessera channel as a tracked task,
-- resumed after a restart (files already published have rows in package_file and are skipped).
CREATE TABLE mirror_run (
    id               VARCHAR(16)   NOT NULL PRIMARY KEY,
    kind             VARCHAR(8)    NOT NULL,
    config           VARCHAR(262144) NOT NULL,
    clean            BOOLEAN       NOT NULL,
    dest_channel     VARCHAR(63)   NOT NULL,
    owner            VARCHAR(255)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    total_files      INTEGER       NOT NULL,
    done_files       INTEGER       NOT NULL,
    skipped_files    INTEGER       NOT NULL,
    failed_files     INTEGER       NOT NULL,
    removed_files    INTEGER       NOT NULL,
    cancel_requested BOOLEAN       NOT NULL,
    message          VARCHAR(4000),
    log_lines        BIGINT        NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX mirror_run_status_idx ON mirror_run (status);

CREATE TABLE mirror_result (
    id           VARCHAR(16)   NOT NULL PRIMARY KEY,
    run_id       VARCHAR(16)   NOT NULL REFERENCES mirror_run (id) ON DELETE CASCADE,
    package_name VARCHAR(255)  NOT NULL,
    file_path    VARCHAR(600)  NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    message      VARCHAR(2000),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mirror_result_file_uq UNIQUE (run_id, file_path)
);

CREATE TABLE mirror_log (
    run_id     VARCHAR(16)   NOT NULL REFERENCES mirror_run (id) ON DELETE CASCADE,
    seq        BIGINT        NOT NULL,
    logged_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    line       VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, seq)
);
