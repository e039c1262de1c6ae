-- The seed's resource profiles; one is the default. GPU profiles start hidden: not every host has GPUs.
CREATE TABLE resource_profile (
    name          VARCHAR(63)  NOT NULL PRIMARY KEY,
    description   VARCHAR(500),
    user_visible  BOOLEAN      NOT NULL,
    cpu           VARCHAR(32)  NOT NULL,
    memory        VARCHAR(32)  NOT NULL,
    gpus          INTEGER      NOT NULL,
    node_selector VARCHAR(2000),
    is_default    BOOLEAN      NOT NULL
);

INSERT INTO resource_profile VALUES ('default', 'Default resource profile', TRUE, '1', '2Gi', 0, NULL, TRUE);
INSERT INTO resource_profile VALUES ('large', 'Large resource profile', TRUE, '4', '8Gi', 0, NULL, FALSE);
INSERT INTO resource_profile VALUES ('gpu-profile', 'GPU resource profile', FALSE, '4', '8Gi', 1, 'nvidia.com/gpu.present=true', FALSE);
