-- The last sync of each LDAP/AD directory (the directories themselves live in Keycloak's realm;
-- no bind password is ever stored here).
CREATE TABLE directory_sync (
    directory_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    mode         VARCHAR(10)   NOT NULL,
    synced_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    added        INTEGER       NOT NULL,
    updated      INTEGER       NOT NULL,
    removed      INTEGER       NOT NULL,
    failed       INTEGER       NOT NULL,
    status       VARCHAR(500),
    error        VARCHAR(2000)
);
