-- Platform settings an administrator changes at run time, by name (e.g. sessions.idle-minutes).
-- ("value" is a reserved word in H2.)
CREATE TABLE platform_setting (
    setting_name  VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
