-- Configuration items, their addresses, free attributes and typed relations.
CREATE SEQUENCE configuration_item_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ci_relation_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE configuration_item (
  id          BIGINT       NOT NULL PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  type        VARCHAR(32)  NOT NULL,
  hostname    VARCHAR(255),
  owner_group VARCHAR(100),
  description VARCHAR(2000),
  created_at  ${timestamp} NOT NULL,
  updated_at  ${timestamp} NOT NULL,
  version     BIGINT       NOT NULL,
  CONSTRAINT uk_configuration_item_name UNIQUE (name)
) ${table_options};
CREATE INDEX ix_configuration_item_type ON configuration_item (type);
CREATE INDEX ix_configuration_item_hostname ON configuration_item (hostname);

CREATE TABLE ci_ip_address (
  ci_id      BIGINT      NOT NULL,
  ip_address VARCHAR(45) NOT NULL,
  PRIMARY KEY (ci_id, ip_address),
  CONSTRAINT fk_ci_ip_address_ci FOREIGN KEY (ci_id) REFERENCES configuration_item (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_ci_ip_address_ip ON ci_ip_address (ip_address);

CREATE TABLE ci_attribute (
  ci_id BIGINT        NOT NULL,
  attr_name  VARCHAR(100)  NOT NULL,
  attr_value VARCHAR(2000),
  PRIMARY KEY (ci_id, attr_name),
  CONSTRAINT fk_ci_attribute_ci FOREIGN KEY (ci_id) REFERENCES configuration_item (id) ON DELETE CASCADE
) ${table_options};

-- source_id <type> target_id: "app depends_on db", "vm runs_on host", "server connected_to switch".
CREATE TABLE ci_relation (
  id        BIGINT      NOT NULL PRIMARY KEY,
  source_id BIGINT      NOT NULL,
  type      VARCHAR(32) NOT NULL,
  target_id BIGINT      NOT NULL,
  CONSTRAINT uk_ci_relation UNIQUE (source_id, type, target_id),
  CONSTRAINT fk_ci_relation_source FOREIGN KEY (source_id) REFERENCES configuration_item (id) ON DELETE CASCADE,
  CONSTRAINT fk_ci_relation_target FOREIGN KEY (target_id) REFERENCES configuration_item (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_ci_relation_target ON ci_relation (target_id);
