-- Settings changed at runtime through POST /api/v1/system/config (issue 15): one row per key, the latest value wins
-- over the server's configuration after a restart. Who changed it and when; the audit log keeps the history.

CREATE TABLE runtime_settings (
    setting_key VARCHAR(200)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL,
    changed_by  VARCHAR(200)  NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
