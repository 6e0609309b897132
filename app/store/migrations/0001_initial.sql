-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 1: every entity of the mission (METRICS.md, research/graph-facts.md §B).
-- Conventions: ids are Graph's (GUID text); times are ISO 8601 UTC text ("…Z"), which sorts;
-- booleans are 0/1 with NULL for "not known"; money is integer minor units plus an ISO 4217
-- code, never floating point; lists are ';'-joined text. `fetched_at` is when a row was synced
-- (the evidence of every figure). Applied migrations are never edited: add 0002_….sql instead.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Every column that holds personal data, so subject export/erase and retention can find them
-- all from the schema itself (SECURITY F3). `subject_column` names the column of the same table
-- that holds the person's object id or UPN the value belongs to (for users.manager_id it is
-- manager_id itself: that value is about the manager). Later migrations add their own rows.
CREATE TABLE personal_columns (
    table_name     TEXT NOT NULL,
    column_name    TEXT NOT NULL,
    subject_column TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('id', 'name', 'contact', 'org', 'activity', 'location', 'device', 'content')),
    PRIMARY KEY (table_name, column_name)
) STRICT, WITHOUT ROWID;

-- GET /organization (B.1): one row.
CREATE TABLE organization (
    id                        TEXT PRIMARY KEY,
    display_name              TEXT,
    tenant_type               TEXT,
    country_letter_code       TEXT,
    created                   TEXT,
    on_premises_sync_enabled  INTEGER,
    fetched_at                TEXT NOT NULL
) STRICT;

CREATE TABLE organization_domains (
    organization_id TEXT NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    is_default      INTEGER NOT NULL DEFAULT 0,
    is_initial      INTEGER NOT NULL DEFAULT 0,
    type            TEXT,
    PRIMARY KEY (organization_id, name)
) STRICT, WITHOUT ROWID;

-- GET /users and /users/delta (B.2, B.3). signInActivity needs Entra ID P1/P2 and
-- AuditLog.Read.All: sign_in_activity_available = 0 means "unknown", never "inactive" (METRICS.md).
CREATE TABLE users (
    id                            TEXT PRIMARY KEY,
    upn                           TEXT NOT NULL,
    display_name                  TEXT,
    mail                          TEXT,
    department                    TEXT,
    job_title                     TEXT,
    account_enabled               INTEGER,
    user_type                     TEXT,
    created                       TEXT,
    on_premises_sync_enabled      INTEGER,
    sign_in_activity_available    INTEGER NOT NULL DEFAULT 0,
    last_sign_in                  TEXT,
    last_non_interactive_sign_in  TEXT,
    last_successful_sign_in       TEXT,
    manager_id                    TEXT,
    fetched_at                    TEXT NOT NULL
) STRICT;
CREATE INDEX users_upn ON users (upn COLLATE NOCASE);
CREATE INDEX users_manager ON users (manager_id);

-- users.assignedLicenses[] (group-inherited ones included, as Graph returns them).
CREATE TABLE user_licenses (
    user_id            TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sku_id             TEXT NOT NULL,
    disabled_plans     TEXT NOT NULL DEFAULT '',
    assigned_by_group  TEXT,
    PRIMARY KEY (user_id, sku_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX user_licenses_sku ON user_licenses (sku_id);

-- GET /groups and /groups/{id}/members (B.4).
CREATE TABLE groups (
    id                        TEXT PRIMARY KEY,
    display_name              TEXT,
    mail                      TEXT,
    mail_enabled              INTEGER,
    security_enabled          INTEGER,
    group_types               TEXT NOT NULL DEFAULT '',
    membership_rule           TEXT,
    visibility                TEXT,
    created                   TEXT,
    on_premises_sync_enabled  INTEGER,
    fetched_at                TEXT NOT NULL
) STRICT;

CREATE TABLE group_members (
    group_id     TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    member_id    TEXT NOT NULL,
    member_type  TEXT NOT NULL,
    PRIMARY KEY (group_id, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX group_members_member ON group_members (member_id);

-- GET /subscribedSkus (B.5): report licenses, one row per SKU.
CREATE TABLE subscribed_skus (
    sku_id             TEXT PRIMARY KEY,
    id                 TEXT,
    sku_part_number    TEXT NOT NULL,
    applies_to         TEXT,
    capability_status  TEXT,
    consumed_units     INTEGER NOT NULL DEFAULT 0,
    prepaid_enabled    INTEGER NOT NULL DEFAULT 0,
    prepaid_suspended  INTEGER NOT NULL DEFAULT 0,
    prepaid_warning    INTEGER NOT NULL DEFAULT 0,
    prepaid_locked_out INTEGER NOT NULL DEFAULT 0,
    account_id         TEXT,
    account_name       TEXT,
    subscription_ids   TEXT NOT NULL DEFAULT '',
    fetched_at         TEXT NOT NULL
) STRICT;

CREATE TABLE sku_service_plans (
    sku_id               TEXT NOT NULL REFERENCES subscribed_skus (sku_id) ON DELETE CASCADE,
    service_plan_id      TEXT NOT NULL,
    service_plan_name    TEXT,
    provisioning_status  TEXT,
    applies_to           TEXT,
    PRIMARY KEY (sku_id, service_plan_id)
) STRICT, WITHOUT ROWID;

-- GET /servicePrincipals (B.6). The owner tenant f8cdef31-… marks Microsoft first-party apps.
CREATE TABLE service_principals (
    id                            TEXT PRIMARY KEY,
    app_id                        TEXT NOT NULL,
    display_name                  TEXT,
    app_display_name              TEXT,
    app_owner_organization_id     TEXT,
    publisher_name                TEXT,
    verified_publisher            TEXT,
    service_principal_type        TEXT,
    account_enabled               INTEGER,
    app_role_assignment_required  INTEGER,
    tags                          TEXT NOT NULL DEFAULT '',
    created                       TEXT,
    fetched_at                    TEXT NOT NULL
) STRICT;
CREATE INDEX service_principals_app ON service_principals (app_id);

-- GET /oauth2PermissionGrants (B.7). client_id and resource_id are service principal object
-- ids, not app ids; principal_id is NULL for AllPrincipals (admin) consent.
CREATE TABLE oauth2_grants (
    id            TEXT PRIMARY KEY,
    client_id     TEXT NOT NULL,
    consent_type  TEXT NOT NULL,
    principal_id  TEXT,
    resource_id   TEXT NOT NULL,
    scope         TEXT NOT NULL DEFAULT '',
    fetched_at    TEXT NOT NULL
) STRICT;
CREATE INDEX oauth2_grants_client ON oauth2_grants (client_id);
CREATE INDEX oauth2_grants_principal ON oauth2_grants (principal_id);

-- GET /auditLogs/signIns (B.8), kept only for the retention window, then folded into
-- usage_daily. Data minimisation: no IP address, no coordinates, no correlation or device ids,
-- no risk detail: no figure needs them.
CREATE TABLE signins_raw (
    id                  TEXT PRIMARY KEY,
    created             TEXT NOT NULL,
    user_id             TEXT,
    app_id              TEXT,
    app_display_name    TEXT,
    status_error_code   INTEGER NOT NULL DEFAULT 0,
    is_interactive      INTEGER,
    client_app_used     TEXT,
    city                TEXT,
    country             TEXT,
    device_os           TEXT,
    browser             TEXT,
    fetched_at          TEXT NOT NULL
) STRICT;
CREATE INDEX signins_raw_created ON signins_raw (created);
CREATE INDEX signins_raw_user ON signins_raw (user_id, created);
CREATE INDEX signins_raw_app ON signins_raw (app_id, created);

-- Daily per-person-per-app usage (kept 12 months): users_30d, sign_ins_30d, last_used, apps_30d.
CREATE TABLE usage_daily (
    day           TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    app_id        TEXT NOT NULL,
    sign_ins      INTEGER NOT NULL DEFAULT 0,
    failures      INTEGER NOT NULL DEFAULT 0,
    last_sign_in  TEXT,
    PRIMARY KEY (day, user_id, app_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX usage_daily_app ON usage_daily (app_id, day);
CREATE INDEX usage_daily_user ON usage_daily (user_id, day);

-- Microsoft 365 usage reports (B.10), one row per report, person and product. When the tenant
-- conceals names, upn holds the opaque value and user_id stays NULL.
CREATE TABLE m365_usage (
    report               TEXT NOT NULL,
    report_refresh_date  TEXT NOT NULL,
    upn                  TEXT NOT NULL,
    user_id              TEXT,
    display_name         TEXT,
    product              TEXT NOT NULL,
    has_license          INTEGER,
    last_activity_date   TEXT,
    license_assign_date  TEXT,
    report_period        TEXT,
    fetched_at           TEXT NOT NULL,
    PRIMARY KEY (report, upn, product)
) STRICT, WITHOUT ROWID;
CREATE INDEX m365_usage_user ON m365_usage (user_id);

-- Billing mail (B.11): headers only, bodies are never requested.
CREATE TABLE mail_messages (
    id                   TEXT PRIMARY KEY,
    mailbox_id           TEXT,
    internet_message_id  TEXT,
    received             TEXT NOT NULL,
    sender_address       TEXT,
    sender_domain        TEXT,
    subject              TEXT,
    has_attachments      INTEGER NOT NULL DEFAULT 0,
    vendor_id            TEXT,
    fetched_at           TEXT NOT NULL
) STRICT;
CREATE INDEX mail_messages_domain ON mail_messages (sender_domain, received);
CREATE INDEX mail_messages_vendor ON mail_messages (vendor_id, received);

-- report invoices / report spend. The PDF itself is kept (document) only when the admin opts in.
CREATE TABLE invoices (
    id               INTEGER PRIMARY KEY,
    vendor           TEXT NOT NULL,
    vendor_id        TEXT,
    invoice_number   TEXT,
    invoice_date     TEXT NOT NULL,
    period_start     TEXT,
    period_end       TEXT,
    total_minor      INTEGER NOT NULL,
    tax_minor        INTEGER,
    currency         TEXT NOT NULL CHECK (length(currency) = 3),
    seats            INTEGER,
    source           TEXT NOT NULL CHECK (source IN ('mail', 'file', 'manual')),
    sender_domain    TEXT,
    message_id       TEXT REFERENCES mail_messages (id) ON DELETE SET NULL,
    file_sha256      TEXT,
    confidence       REAL NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 1),
    document         BLOB,
    created          TEXT NOT NULL
) STRICT;
CREATE INDEX invoices_vendor_date ON invoices (vendor, invoice_date);
CREATE INDEX invoices_number ON invoices (vendor, invoice_number);

CREATE TABLE invoice_lines (
    invoice_id    INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_no       INTEGER NOT NULL,
    description   TEXT,
    quantity      INTEGER,
    unit_minor    INTEGER,
    amount_minor  INTEGER,
    PRIMARY KEY (invoice_id, line_no)
) STRICT, WITHOUT ROWID;

-- price set: one unit price per SKU part number, app id or vendor:<catalog id>.
CREATE TABLE prices (
    key           TEXT PRIMARY KEY,
    amount_minor  INTEGER NOT NULL,
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    period        TEXT NOT NULL CHECK (period IN ('month', 'year')),
    source        TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'list')),
    updated       TEXT NOT NULL
) STRICT;

-- Apps the admin adds by hand (source `manual`), and app ↔ catalog vendor matches.
CREATE TABLE apps_manual (
    app_key    TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    vendor_id  TEXT,
    category   TEXT,
    note       TEXT,
    created    TEXT NOT NULL
) STRICT;

CREATE TABLE vendor_matches (
    app_key     TEXT NOT NULL,
    vendor_id   TEXT NOT NULL,
    method      TEXT NOT NULL CHECK (method IN ('catalog', 'manual')),
    confidence  REAL,
    PRIMARY KEY (app_key, vendor_id)
) STRICT, WITHOUT ROWID;

-- One row per entity of `sync --only`: delta links, the sign-in high-water mark, last success.
-- available: NULL not yet known, 0 the tenant does not give it (licence or consent), 1 it does.
CREATE TABLE sync_state (
    entity           TEXT PRIMARY KEY,
    delta_link       TEXT,
    high_water_mark  TEXT,
    last_success     TEXT,
    last_attempt     TEXT,
    last_error_code  TEXT,
    last_error       TEXT,
    item_count       INTEGER NOT NULL DEFAULT 0,
    available        INTEGER
) STRICT;

CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY,
    started     TEXT NOT NULL,
    finished    TEXT,
    entities    TEXT NOT NULL,
    full_sync   INTEGER NOT NULL DEFAULT 0,
    outcome     TEXT NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'ok', 'failed', 'cancelled')),
    error_code  TEXT,
    items       INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Hash-chained log of administrative actions (SECURITY F6): ids only, never personal data.
-- hash = SHA-256 over prev_hash and the row's fields; the privacy module defines the encoding.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    time        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    target_ids  TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL DEFAULT '{}',
    prev_hash   BLOB NOT NULL,
    hash        BLOB NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Erased people that later syncs must skip: a keyed hash (HMAC) of the id, never the name.
CREATE TABLE subject_suppression (
    subject_hash  BLOB PRIMARY KEY,
    created       TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- People kept out of processing and reports (GDPR Art. 18).
CREATE TABLE subject_restriction (
    user_id  TEXT PRIMARY KEY,
    created  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO personal_columns (table_name, column_name, subject_column, kind) VALUES
    ('users', 'id', 'id', 'id'),
    ('users', 'upn', 'id', 'contact'),
    ('users', 'display_name', 'id', 'name'),
    ('users', 'mail', 'id', 'contact'),
    ('users', 'department', 'id', 'org'),
    ('users', 'job_title', 'id', 'org'),
    ('users', 'created', 'id', 'activity'),
    ('users', 'last_sign_in', 'id', 'activity'),
    ('users', 'last_non_interactive_sign_in', 'id', 'activity'),
    ('users', 'last_successful_sign_in', 'id', 'activity'),
    ('users', 'manager_id', 'manager_id', 'id'),
    ('user_licenses', 'user_id', 'user_id', 'id'),
    ('group_members', 'member_id', 'member_id', 'id'),
    ('oauth2_grants', 'principal_id', 'principal_id', 'id'),
    ('signins_raw', 'user_id', 'user_id', 'id'),
    ('signins_raw', 'created', 'user_id', 'activity'),
    ('signins_raw', 'city', 'user_id', 'location'),
    ('signins_raw', 'country', 'user_id', 'location'),
    ('signins_raw', 'device_os', 'user_id', 'device'),
    ('signins_raw', 'browser', 'user_id', 'device'),
    ('usage_daily', 'user_id', 'user_id', 'id'),
    ('usage_daily', 'last_sign_in', 'user_id', 'activity'),
    ('m365_usage', 'upn', 'upn', 'contact'),
    ('m365_usage', 'user_id', 'user_id', 'id'),
    ('m365_usage', 'display_name', 'user_id', 'name'),
    ('m365_usage', 'last_activity_date', 'user_id', 'activity'),
    ('mail_messages', 'mailbox_id', 'mailbox_id', 'id'),
    ('mail_messages', 'sender_address', 'mailbox_id', 'contact'),
    ('mail_messages', 'subject', 'mailbox_id', 'content'),
    ('subject_restriction', 'user_id', 'user_id', 'id');
