// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storewriter.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QVariant>

namespace stocktake::sync {

namespace {

QVariant orNull(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
}

QVariant orNull(const std::optional<bool> &value)
{
    return value ? QVariant(*value ? 1 : 0) : QVariant(QMetaType::fromType<int>());
}

QVariant dateOrNull(const std::optional<QDate> &value)
{
    return value ? QVariant(value->toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

}  // namespace

QString isoUtc(const QDateTime &dt)
{
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QVariant isoUtcOrNull(const std::optional<QDateTime> &dt)
{
    return dt && dt->isValid() ? QVariant(isoUtc(*dt)) : QVariant(QMetaType::fromType<QString>());
}

core::Error storeWriteError(const QString &what, const QString &detail)
{
    return core::Error {QStringLiteral("sync.store_write"),
        QCoreApplication::translate("stocktake::sync::StoreWriter",
            "Stocktake could not save the synced %1 to its database. "
            "The previous data is unchanged; check free disk space and "
            "run `stocktake-cli db check`.")
            .arg(what),
        detail, core::ExitCode::Store};
}

StoreWriter::StoreWriter(QSqlDatabase db)
    : m_db(std::move(db))
{
    setFetchedAt(QDateTime::currentDateTimeUtc());
}

void StoreWriter::setFetchedAt(const QDateTime &utc)
{
    m_fetchedAt = isoUtc(utc);
}

QSqlQuery &StoreWriter::prepared(const char *key, const QString &sql)
{
    auto it = m_queries.find(key);
    if (it == m_queries.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(sql);
        it = m_queries.emplace(key, std::move(query)).first;
    }
    return it->second;
}

core::Status StoreWriter::run(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return {};
    return storeWriteError(QString::fromLatin1(what), query.lastError().text());
}

core::Status StoreWriter::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return {};
    return storeWriteError(QStringLiteral("data"), query.lastError().text());
}

core::Status StoreWriter::writeOrganization(const graph::Organization &org)
{
    QSqlQuery &q = prepared("org",
        QStringLiteral("INSERT INTO organization (id, display_name, tenant_type, "
                       "country_letter_code, created, fetched_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, org.id);
    q.bindValue(1, org.displayName);
    q.bindValue(2, orNull(org.tenantType));
    q.bindValue(3, orNull(org.countryLetterCode));
    q.bindValue(4, isoUtcOrNull(org.createdDateTime));
    q.bindValue(5, m_fetchedAt);
    if (auto s = run(q, "organization"); !s)
        return s;
    QSqlQuery &d = prepared("orgdomain",
        QStringLiteral("INSERT INTO organization_domains (organization_id, name, "
                       "is_default, is_initial) VALUES (?, ?, ?, ?)"));
    for (const auto &domain : org.verifiedDomains) {
        d.bindValue(0, org.id);
        d.bindValue(1, domain.name);
        d.bindValue(2, domain.isDefault ? 1 : 0);
        d.bindValue(3, domain.isInitial ? 1 : 0);
        if (auto s = run(d, "organization"); !s)
            return s;
    }
    return {};
}

core::Status StoreWriter::upsertUser(const graph::User &user)
{
    QSqlQuery &q = prepared("user",
        QStringLiteral("INSERT INTO users (id, upn, display_name, mail, department, job_title, account_enabled, "
                       "user_type, created, on_premises_sync_enabled, manager_id, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET upn = excluded.upn, display_name = excluded.display_name, "
                       "mail = excluded.mail, department = excluded.department, job_title = excluded.job_title, "
                       "account_enabled = excluded.account_enabled, user_type = excluded.user_type, "
                       "created = excluded.created, on_premises_sync_enabled = excluded.on_premises_sync_enabled, "
                       "manager_id = excluded.manager_id, fetched_at = excluded.fetched_at"));
    q.bindValue(0, user.id);
    q.bindValue(1, user.userPrincipalName);
    q.bindValue(2, user.displayName);
    q.bindValue(3, orNull(user.mail));
    q.bindValue(4, orNull(user.department));
    q.bindValue(5, orNull(user.jobTitle));
    q.bindValue(6, orNull(user.accountEnabled));
    q.bindValue(7, orNull(user.userType));
    q.bindValue(8, isoUtcOrNull(user.createdDateTime));
    q.bindValue(9, orNull(user.onPremisesSyncEnabled));
    q.bindValue(10, orNull(user.managerId));
    q.bindValue(11, m_fetchedAt);
    if (auto s = run(q, "users"); !s)
        return s;

    QSqlQuery &clear = prepared("userlic-clear", QStringLiteral("DELETE FROM user_licenses WHERE user_id = ?"));
    clear.bindValue(0, user.id);
    if (auto s = run(clear, "users"); !s)
        return s;
    QSqlQuery &lic = prepared("userlic",
        QStringLiteral("INSERT OR REPLACE INTO user_licenses (user_id, sku_id, "
                       "disabled_plans, assigned_by_group) VALUES (?, ?, ?, ?)"));
    for (const auto &license : user.assignedLicenses) {
        // licenseAssignmentStates says whether a group brought this licence.
        QVariant byGroup(QMetaType::fromType<QString>());
        for (const auto &state : user.licenseAssignmentStates) {
            if (state.skuId.compare(license.skuId, Qt::CaseInsensitive) == 0 && state.assignedByGroup) {
                byGroup = *state.assignedByGroup;
                break;
            }
        }
        lic.bindValue(0, user.id);
        lic.bindValue(1, license.skuId.toLower());
        lic.bindValue(2, license.disabledPlans.join(u';'));
        lic.bindValue(3, byGroup);
        if (auto s = run(lic, "users"); !s)
            return s;
    }
    return {};
}

core::Status StoreWriter::removeUser(const QString &id)
{
    QSqlQuery &q = prepared("user-remove", QStringLiteral("DELETE FROM users WHERE id = ?"));
    q.bindValue(0, id);
    return run(q, "users");
}

core::Status StoreWriter::writeSignInActivity(const QString &userId, const graph::SignInActivity &activity)
{
    QSqlQuery &q = prepared("activity",
        QStringLiteral("UPDATE users SET sign_in_activity_available = ?, "
                       "last_sign_in = ?, last_non_interactive_sign_in = ?, "
                       "last_successful_sign_in = ? WHERE id = ?"));
    // A user without the property in a tenant that has it has simply never signed in.
    q.bindValue(0, 1);
    q.bindValue(1, isoUtcOrNull(activity.lastSignInDateTime));
    q.bindValue(2, isoUtcOrNull(activity.lastNonInteractiveSignInDateTime));
    q.bindValue(3, isoUtcOrNull(activity.lastSuccessfulSignInDateTime));
    q.bindValue(4, userId);
    return run(q, "sign-in activity");
}

core::Status StoreWriter::writeGroup(const graph::Group &group)
{
    QSqlQuery &q = prepared("group",
        QStringLiteral("INSERT OR REPLACE INTO groups (id, display_name, mail, "
                       "mail_enabled, security_enabled, group_types, created, "
                       "on_premises_sync_enabled, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, group.id);
    q.bindValue(1, group.displayName);
    q.bindValue(2, orNull(group.mail));
    q.bindValue(3, orNull(group.mailEnabled));
    q.bindValue(4, orNull(group.securityEnabled));
    q.bindValue(5, group.groupTypes.join(u';'));
    q.bindValue(6, isoUtcOrNull(group.createdDateTime));
    q.bindValue(7, orNull(group.onPremisesSyncEnabled));
    q.bindValue(8, m_fetchedAt);
    return run(q, "groups");
}

core::Status StoreWriter::writeMember(const QString &groupId, const graph::MemberRef &member)
{
    QSqlQuery &q = prepared("member",
        QStringLiteral("INSERT OR REPLACE INTO group_members (group_id, member_id, "
                       "member_type) VALUES (?, ?, ?)"));
    q.bindValue(0, groupId);
    q.bindValue(1, member.id);
    QString type = member.odataType;
    type.remove(QStringLiteral("#microsoft.graph."));
    q.bindValue(2, type.isEmpty() ? QStringLiteral("unknown") : type);
    return run(q, "group members");
}

core::Status StoreWriter::writeSku(const graph::SubscribedSku &sku)
{
    QSqlQuery &q = prepared("sku",
        QStringLiteral("INSERT OR REPLACE INTO subscribed_skus (sku_id, id, sku_part_number, applies_to, "
                       "capability_status, consumed_units, prepaid_enabled, prepaid_suspended, "
                       "prepaid_warning, prepaid_locked_out, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, sku.skuId.toLower());
    q.bindValue(1, sku.id);
    q.bindValue(2, sku.skuPartNumber);
    q.bindValue(3, orNull(sku.appliesTo));
    q.bindValue(4, sku.capabilityStatus);
    q.bindValue(5, sku.consumedUnits);
    q.bindValue(6, sku.prepaidUnits.enabled);
    q.bindValue(7, sku.prepaidUnits.suspended);
    q.bindValue(8, sku.prepaidUnits.warning);
    q.bindValue(9, sku.prepaidUnits.lockedOut);
    q.bindValue(10, m_fetchedAt);
    if (auto s = run(q, "licenses"); !s)
        return s;
    QSqlQuery &p = prepared("skuplan",
        QStringLiteral("INSERT OR REPLACE INTO sku_service_plans (sku_id, "
                       "service_plan_id, service_plan_name, provisioning_status, "
                       "applies_to) VALUES (?, ?, ?, ?, ?)"));
    for (const auto &plan : sku.servicePlans) {
        p.bindValue(0, sku.skuId.toLower());
        p.bindValue(1, plan.servicePlanId);
        p.bindValue(2, plan.servicePlanName);
        p.bindValue(3, orNull(plan.provisioningStatus));
        p.bindValue(4, orNull(plan.appliesTo));
        if (auto s = run(p, "licenses"); !s)
            return s;
    }
    return {};
}

core::Status StoreWriter::writeServicePrincipal(const graph::ServicePrincipal &sp)
{
    QSqlQuery &q = prepared("sp",
        QStringLiteral("INSERT OR REPLACE INTO service_principals (id, app_id, "
                       "display_name, app_owner_organization_id, publisher_name, "
                       "service_principal_type, account_enabled, tags, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, sp.id);
    q.bindValue(1, sp.appId.toLower());
    q.bindValue(2, sp.displayName);
    q.bindValue(3, orNull(sp.appOwnerOrganizationId));
    q.bindValue(4, orNull(sp.publisherName));
    q.bindValue(5, orNull(sp.servicePrincipalType));
    q.bindValue(6, orNull(sp.accountEnabled));
    q.bindValue(7, sp.tags.join(u';'));
    q.bindValue(8, m_fetchedAt);
    return run(q, "applications");
}

core::Status StoreWriter::writeGrant(const graph::OAuth2PermissionGrant &grant)
{
    QSqlQuery &q = prepared("grant",
        QStringLiteral("INSERT OR REPLACE INTO oauth2_grants (id, client_id, "
                       "consent_type, principal_id, resource_id, scope, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, grant.id);
    q.bindValue(1, grant.clientId);
    q.bindValue(2, grant.consentType);
    q.bindValue(3, orNull(grant.principalId));
    q.bindValue(4, grant.resourceId);
    q.bindValue(5, grant.scopes.join(u' '));
    q.bindValue(6, m_fetchedAt);
    return run(q, "permission grants");
}

core::Status StoreWriter::writeSignIn(const graph::SignIn &s)
{
    QSqlQuery &q = prepared("signin",
        QStringLiteral("INSERT OR REPLACE INTO signins_raw (id, created, user_id, "
                       "app_id, app_display_name, status_error_code, is_interactive, "
                       "client_app_used, city, country, device_os, browser, "
                       "fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, s.id);
    q.bindValue(1, isoUtc(s.createdDateTime));
    q.bindValue(2, orNull(s.userId));
    q.bindValue(3, s.appId ? QVariant(s.appId->toLower()) : QVariant(QMetaType::fromType<QString>()));
    q.bindValue(4, orNull(s.appDisplayName));
    q.bindValue(5, s.errorCode);
    q.bindValue(6, orNull(s.isInteractive));
    q.bindValue(7, orNull(s.clientAppUsed));
    q.bindValue(8, orNull(s.city));
    q.bindValue(9, orNull(s.countryOrRegion));
    q.bindValue(10, orNull(s.operatingSystem));
    q.bindValue(11, orNull(s.browser));
    q.bindValue(12, m_fetchedAt);
    return run(q, "sign-ins");
}

core::Status StoreWriter::writeUsage(const graph::UsageRecord &r, const QString &report)
{
    QSqlQuery &q = prepared("usage",
        QStringLiteral("INSERT OR REPLACE INTO m365_usage (report, report_refresh_date, "
                       "upn, user_id, display_name, product, has_license, "
                       "last_activity_date, report_period, fetched_at) VALUES "
                       "(?, ?, ?, (SELECT id FROM users WHERE upn = ? COLLATE NOCASE), "
                       "?, ?, ?, ?, ?, ?)"));
    struct Product {
        const char *name;
        bool licensed;
        const std::optional<QDate> &last;
    };
    const Product products[] = {
        {"Exchange", r.hasExchangeLicense, r.lastExchange},
        {"OneDrive", r.hasOneDriveLicense, r.lastOneDrive},
        {"SharePoint", r.hasSharePointLicense, r.lastSharePoint},
        {"Skype for Business", r.hasSkypeForBusinessLicense, r.lastSkypeForBusiness},
        {"Yammer", r.hasYammerLicense, r.lastYammer},
        {"Teams", r.hasTeamsLicense, r.lastTeams},
    };
    for (const Product &product : products) {
        if (!product.licensed && !product.last)
            continue;
        q.bindValue(0, report);
        q.bindValue(1, r.reportRefreshDate ? r.reportRefreshDate->toString(Qt::ISODate) : m_fetchedAt.left(10));
        q.bindValue(2, r.userPrincipalName);
        // Concealed names are opaque hashes: never join them to a person.
        q.bindValue(3, r.concealed ? QString() : r.userPrincipalName);
        q.bindValue(4, r.displayName);
        q.bindValue(5, QString::fromLatin1(product.name));
        q.bindValue(6, product.licensed ? 1 : 0);
        q.bindValue(7, dateOrNull(product.last));
        q.bindValue(8, QStringLiteral("D30"));
        q.bindValue(9, m_fetchedAt);
        if (auto s = run(q, "usage report"); !s)
            return s;
    }
    return {};
}

core::Status StoreWriter::beginSweep(const QString &table)
{
    Q_UNUSED(table);
    if (auto s = exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS sweep_seen (id TEXT PRIMARY KEY) WITHOUT ROWID"));
        !s)
        return s;
    return exec(QStringLiteral("DELETE FROM temp.sweep_seen"));
}

core::Status StoreWriter::markSeen(const QString &id)
{
    QSqlQuery &q = prepared("seen", QStringLiteral("INSERT OR IGNORE INTO temp.sweep_seen (id) VALUES (?)"));
    q.bindValue(0, id);
    return run(q, "data");
}

core::Result<qint64> StoreWriter::sweepUnseen(const QString &table)
{
    QSqlQuery query(m_db);
    // `table` comes from the sync steps' own constants, never from input.
    if (!query.exec(QStringLiteral("DELETE FROM %1 WHERE id NOT IN (SELECT id FROM temp.sweep_seen)").arg(table)))
        return storeWriteError(table, query.lastError().text());
    const qint64 removed = query.numRowsAffected();
    (void)exec(QStringLiteral("DELETE FROM temp.sweep_seen"));
    return removed;
}

core::Status StoreWriter::foldDay(const QDate &day)
{
    const QString start = day.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z");
    const QString end = day.addDays(1).toString(Qt::ISODate) + QStringLiteral("T00:00:00Z");
    QSqlQuery &clear = prepared("fold-clear", QStringLiteral("DELETE FROM usage_daily WHERE day = ?"));
    clear.bindValue(0, day.toString(Qt::ISODate));
    if (auto s = run(clear, "sign-ins"); !s)
        return s;
    QSqlQuery &fold = prepared("fold",
        QStringLiteral("INSERT INTO usage_daily (day, user_id, app_id, sign_ins, failures, last_sign_in) "
                       "SELECT ?, user_id, app_id, "
                       "sum(status_error_code = 0), sum(status_error_code <> 0), "
                       "max(CASE WHEN status_error_code = 0 THEN created END) "
                       "FROM signins_raw WHERE created >= ? AND created < ? "
                       "AND user_id IS NOT NULL AND app_id IS NOT NULL GROUP BY user_id, app_id"));
    fold.bindValue(0, day.toString(Qt::ISODate));
    fold.bindValue(1, start);
    fold.bindValue(2, end);
    return run(fold, "sign-ins");
}

}  // namespace stocktake::sync
