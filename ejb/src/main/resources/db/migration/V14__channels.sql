-- Package channels: conda channels and PyPI indexes served at /repository/{conda|pypi}/{name}.
-- The package files live on disk under data/channels/{name}; rows say what each file is.
CREATE TABLE channel (
    id          VARCHAR(16)  NOT NULL PRIMARY KEY,
    name        VARCHAR(63)  NOT NULL,
    kind        VARCHAR(8)   NOT NULL,
    owner       VARCHAR(255) NOT NULL,
    is_private  BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT channel_name_uq UNIQUE (name)
);

CREATE TABLE channel_share (
    channel_id  VARCHAR(16)  NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    kind        VARCHAR(8)   NOT NULL,
    name        VARCHAR(255) NOT NULL,
    level       VARCHAR(16)  NOT NULL,
    CONSTRAINT channel_share_uq UNIQUE (channel_id, kind, name)
);

CREATE TABLE package_file (
    id            VARCHAR(16)   NOT NULL PRIMARY KEY,
    channel_id    VARCHAR(16)   NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    subdir        VARCHAR(255)  NOT NULL,
    filename      VARCHAR(255)  NOT NULL,
    package_name  VARCHAR(255)  NOT NULL,
    version       VARCHAR(128)  NOT NULL,
    build         VARCHAR(255),
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    md5           VARCHAR(32)   NOT NULL,
    record        VARCHAR(1000000) NOT NULL,
    uploader      VARCHAR(255)  NOT NULL,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    downloads     BIGINT        NOT NULL,
    yanked        VARCHAR(1000),
    CONSTRAINT package_file_path_uq UNIQUE (channel_id, subdir, filename)
);

CREATE INDEX package_file_package_idx ON package_file (channel_id, package_name);
