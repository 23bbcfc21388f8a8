-- Registered servers (issue 18): machines whose Docker Engine Quarterdeck manages. name_key is the name in lower
-- case, unique, so two servers never differ by case alone. Tags are one per line. The TLS columns hold paths to PEM
-- files on the Quarterdeck host (the key's path is never returned by the API).

CREATE TABLE servers (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    name_key        VARCHAR(100)  NOT NULL,
    host            VARCHAR(255)  NOT NULL,
    docker_url      VARCHAR(1024) NOT NULL,
    tls_ca_path     VARCHAR(1024),
    tls_cert_path   VARCHAR(1024),
    tls_key_path    VARCHAR(1024),
    description     VARCHAR(1000) NOT NULL,
    tags            VARCHAR(1100) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    last_contact_at TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_servers_name_key UNIQUE (name_key)
);
