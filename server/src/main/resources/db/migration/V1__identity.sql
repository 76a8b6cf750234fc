-- Users, their roles, groups and API tokens.
CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE user_group_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE api_token_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE app_user (
  id            BIGINT       NOT NULL PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL,
  display_name  VARCHAR(200) NOT NULL,
  email         VARCHAR(320),
  password_hash VARCHAR(255),
  locale        VARCHAR(16)  NOT NULL,
  time_zone     VARCHAR(64)  NOT NULL,
  active        BOOLEAN      NOT NULL,
  created_at    ${timestamp} NOT NULL,
  version       BIGINT       NOT NULL,
  CONSTRAINT uk_app_user_username UNIQUE (username)
) ${table_options};
CREATE INDEX ix_app_user_email ON app_user (email);

CREATE TABLE app_user_role (
  user_id BIGINT      NOT NULL,
  role    VARCHAR(32) NOT NULL,
  PRIMARY KEY (user_id, role),
  CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE user_group (
  id          BIGINT       NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  description VARCHAR(500),
  email       VARCHAR(320),
  lead_id     BIGINT,
  version     BIGINT       NOT NULL,
  CONSTRAINT uk_user_group_name UNIQUE (name),
  CONSTRAINT fk_user_group_lead FOREIGN KEY (lead_id) REFERENCES app_user (id)
) ${table_options};

CREATE TABLE user_group_member (
  group_id BIGINT NOT NULL,
  user_id  BIGINT NOT NULL,
  PRIMARY KEY (group_id, user_id),
  CONSTRAINT fk_group_member_group FOREIGN KEY (group_id) REFERENCES user_group (id) ON DELETE CASCADE,
  CONSTRAINT fk_group_member_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_group_member_user ON user_group_member (user_id);

CREATE TABLE api_token (
  id           BIGINT       NOT NULL PRIMARY KEY,
  user_id      BIGINT       NOT NULL,
  name         VARCHAR(100) NOT NULL,
  token_hash   VARCHAR(64)  NOT NULL,
  created_at   ${timestamp} NOT NULL,
  expires_at   ${timestamp},
  CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ${table_options};
