-- Environment variables set for one deployment: they override the project's variable defaults.
-- Not secrets: the owner and administrators read them back.
CREATE TABLE deployment_variable (
    deployment_id VARCHAR(16)   NOT NULL REFERENCES deployment (id) ON DELETE CASCADE,
    var_name      VARCHAR(128)  NOT NULL,
    var_value     VARCHAR(4096) NOT NULL,
    PRIMARY KEY (deployment_id, var_name)
);
