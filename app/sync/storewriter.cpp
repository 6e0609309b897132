// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storewriter.h"

#include "core/guid.h"
#include "graph/signinpage.h"
#include "store/database.h"
#include "store/usagedays.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <array>

namespace stocktake::sync {

namespace {

/// An app's name is replaced only by one from a newer sign-in: the backfill goes newest day first.
const char *const kUpsertAppName = " ON CONFLICT (app_id) DO UPDATE SET display_name = excluded.display_name, "
                                   "seen = excluded.seen WHERE excluded.seen > signin_app_names.seen";

/// QDate::toString(Qt::ISODate) as the statement's text, without a QString for years 0–9999;
/// NULL when absent.
void bindIsoDate(store::Statement &q, int index, const std::optional<QDate> &date)
{
    if (!date)
        return q.bindNull(index);
    int year = 0;
    int month = 0;
    int day = 0;
    date->getDate(&year, &month, &day);
    if (year < 0 || year > 9999)
        return q.bind(index, date->toString(Qt::ISODate));
    const std::array<char, 10> text {char('0' + year / 1000), char('0' + year / 100 % 10), char('0' + year / 10 % 10),
        char('0' + year % 10), '-', char('0' + month / 10), char('0' + month % 10), '-', char('0' + day / 10),
        char('0' + day % 10)};
    q.bindUtf8(index, std::string_view(text.data(), text.size()));
}

std::optional<QString> isoOrNull(const std::optional<QDateTime> &dt)
{
    return dt && dt->isValid() ? std::optional<QString>(isoUtc(*dt)) : std::nullopt;
}

}  // namespace

QString isoUtc(const QDateTime &dt)
{
    // A million sign-ins each need one: QDateTime::toString goes through QLocale and the
    // calendar, about 1 µs a call. The date comes from the Julian day, the rest is digits.
    if (!dt.isValid())
        return dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    constexpr qint64 msPerDay = 86400000;
    constexpr qint64 julianDayOfEpoch = 2440588;
    const qint64 ms = dt.toMSecsSinceEpoch();
    const qint64 days = ms >= 0 ? ms / msPerDay : -((-ms + msPerDay - 1) / msPerDay);
    const QDate date = QDate::fromJulianDay(julianDayOfEpoch + days);
    const int year = date.year();
    if (year < 1 || year > 9999)
        return dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    const qint64 secondOfDay = (ms - days * msPerDay) / 1000;
    char16_t text[20];
    const auto put = [&text](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            text[at + i] = char16_t(u'0' + value % 10);
            value /= 10;
        }
    };
    put(0, year, 4);
    text[4] = u'-';
    put(5, date.month(), 2);
    text[7] = u'-';
    put(8, date.day(), 2);
    text[10] = u'T';
    put(11, int(secondOfDay / 3600), 2);
    text[13] = u':';
    put(14, int(secondOfDay / 60 % 60), 2);
    text[16] = u':';
    put(17, int(secondOfDay % 60), 2);
    text[19] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), 20);
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

StoreWriter::StoreWriter(const store::Database &db)
    : m_store(db)
{
    setFetchedAt(QDateTime::currentDateTimeUtc());
}

void StoreWriter::setFetchedAt(const QDateTime &utc)
{
    m_fetchedAt = isoUtc(utc);
    m_fetchedAtUtf8 = m_fetchedAt.toStdString();
    // A sync starts from usage_keys as stored: another connection may have erased a person.
    m_usageKeysRollbacks.reset();
}

store::Statement &StoreWriter::prepared(const char *key, const QString &sql)
{
    auto it = m_queries.find(key);
    if (it == m_queries.end())
        it = m_queries.emplace(key, store::Statement(m_store, sql)).first;
    return it->second;
}

core::Status StoreWriter::run(store::Statement &statement, const char *what)
{
    if (statement.exec())
        return {};
    return storeWriteError(QString::fromLatin1(what), statement.errorText());
}

core::Status StoreWriter::exec(const QString &sql)
{
    if (auto s = m_store.exec(sql); !s)
        return storeWriteError(QStringLiteral("data"), s.error().detail);
    return {};
}

core::Status StoreWriter::writeOrganization(const graph::Organization &org)
{
    store::Statement &q = prepared("org",
        QStringLiteral("INSERT INTO organization (id, display_name, tenant_type, "
                       "country_letter_code, created, fetched_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.bind(0, org.id);
    q.bind(1, org.displayName);
    q.bind(2, org.tenantType);
    q.bind(3, org.countryLetterCode);
    q.bind(4, isoOrNull(org.createdDateTime));
    q.bind(5, m_fetchedAt);
    if (auto s = run(q, "organization"); !s)
        return s;
    store::Statement &d = prepared("orgdomain",
        QStringLiteral("INSERT INTO organization_domains (organization_id, name, "
                       "is_default, is_initial) VALUES (?, ?, ?, ?)"));
    for (const auto &domain : org.verifiedDomains) {
        d.bind(0, org.id);
        d.bind(1, domain.name);
        d.bind(2, domain.isDefault ? 1 : 0);
        d.bind(3, domain.isInitial ? 1 : 0);
        if (auto s = run(d, "organization"); !s)
            return s;
    }
    return {};
}

core::Status StoreWriter::upsertUser(const graph::User &user)
{
    const auto licenses = licenseSummary(user);
    if (!licenses)
        return licenses.error();
    store::Statement &q = prepared("user",
        QStringLiteral("INSERT INTO users (id, upn, display_name, mail, department, job_title, account_enabled, "
                       "user_type, created, on_premises_sync_enabled, manager_id, licenses, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET upn = excluded.upn, display_name = excluded.display_name, "
                       "mail = excluded.mail, department = excluded.department, job_title = excluded.job_title, "
                       "account_enabled = excluded.account_enabled, user_type = excluded.user_type, "
                       "created = excluded.created, on_premises_sync_enabled = excluded.on_premises_sync_enabled, "
                       "manager_id = excluded.manager_id, licenses = excluded.licenses, "
                       "fetched_at = excluded.fetched_at"));
    q.bind(0, user.id);
    q.bind(1, user.userPrincipalName);
    q.bind(2, user.displayName);
    q.bind(3, user.mail);
    q.bind(4, user.department);
    q.bind(5, user.jobTitle);
    q.bind(6, user.accountEnabled);
    q.bind(7, user.userType);
    q.bind(8, isoOrNull(user.createdDateTime));
    q.bind(9, user.onPremisesSyncEnabled);
    q.bind(10, user.managerId);
    q.bind(11, *licenses);
    q.bind(12, m_fetchedAt);
    if (auto s = run(q, "users"); !s)
        return s;

    store::Statement &clear = prepared("userlic-clear", QStringLiteral("DELETE FROM user_licenses WHERE user_id = ?"));
    clear.bind(0, user.id);
    if (auto s = run(clear, "users"); !s)
        return s;
    store::Statement &lic = prepared("userlic",
        QStringLiteral("INSERT OR REPLACE INTO user_licenses (user_id, sku_id, "
                       "disabled_plans, assigned_by_group) VALUES (?, ?, ?, ?)"));
    for (const auto &license : user.assignedLicenses) {
        // licenseAssignmentStates says whether a group brought this licence.
        std::optional<QString> byGroup;
        for (const auto &state : user.licenseAssignmentStates) {
            if (state.skuId.compare(license.skuId, Qt::CaseInsensitive) == 0 && state.assignedByGroup) {
                byGroup = *state.assignedByGroup;
                break;
            }
        }
        lic.bind(0, user.id);
        lic.bind(1, license.skuId.toLower());
        lic.bind(2, license.disabledPlans.join(u';'));
        lic.bind(3, byGroup);
        if (auto s = run(lic, "users"); !s)
            return s;
    }
    return {};
}

core::Result<QString> StoreWriter::licenseSummary(const graph::User &user)
{
    if (!m_skuPartNumbers || m_skuPartNumbersRollbacks != m_store.rollbacks()) {
        QSqlQuery q(m_store.sql());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT sku_id, sku_part_number FROM subscribed_skus")))
            return storeWriteError(QStringLiteral("users"), q.lastError().text());
        QHash<QString, QString> names;
        while (q.next())
            names.insert(q.value(0).toString(), q.value(1).toString());
        m_skuPartNumbers = std::move(names);
        m_skuPartNumbersRollbacks = m_store.rollbacks();
    }
    // As schema 6's triggers make it: one entry per row of user_licenses (a SKU once, by its
    // lower-case id), the SKU's part number or, while the SKU is not synced, its id; in SQLite's
    // BINARY order (UTF-8 bytes), ';'-joined.
    QStringList skus;
    for (const auto &license : user.assignedLicenses) {
        QString sku = license.skuId.toLower();
        if (!skus.contains(sku))
            skus.append(std::move(sku));
    }
    std::vector<QByteArray> names;
    names.reserve(std::size_t(skus.size()));
    for (const QString &sku : std::as_const(skus))
        names.push_back(m_skuPartNumbers->value(sku, sku).toUtf8());
    std::sort(names.begin(), names.end());
    QByteArray joined;
    for (const QByteArray &name : names) {
        if (!joined.isEmpty())
            joined.append(';');
        joined.append(name);
    }
    return QString::fromUtf8(joined);
}

core::Status StoreWriter::removeUser(const QString &id)
{
    store::Statement &q = prepared("user-remove", QStringLiteral("DELETE FROM users WHERE id = ?"));
    q.bind(0, id);
    return run(q, "users");
}

core::Status StoreWriter::writeSignInActivity(const QString &userId, const graph::SignInActivity &activity)
{
    store::Statement &q = prepared("activity",
        QStringLiteral("UPDATE users SET sign_in_activity_available = ?, "
                       "last_sign_in = ?, last_non_interactive_sign_in = ?, "
                       "last_successful_sign_in = ? WHERE id = ?"));
    // A user without the property in a tenant that has it has simply never signed in.
    q.bind(0, 1);
    q.bind(1, isoOrNull(activity.lastSignInDateTime));
    q.bind(2, isoOrNull(activity.lastNonInteractiveSignInDateTime));
    q.bind(3, isoOrNull(activity.lastSuccessfulSignInDateTime));
    q.bind(4, userId);
    return run(q, "sign-in activity");
}

core::Status StoreWriter::writeGroup(const graph::Group &group)
{
    store::Statement &q = prepared("group",
        QStringLiteral("INSERT OR REPLACE INTO groups (id, display_name, mail, "
                       "mail_enabled, security_enabled, group_types, created, "
                       "on_premises_sync_enabled, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, group.id);
    q.bind(1, group.displayName);
    q.bind(2, group.mail);
    q.bind(3, group.mailEnabled);
    q.bind(4, group.securityEnabled);
    q.bind(5, group.groupTypes.join(u';'));
    q.bind(6, isoOrNull(group.createdDateTime));
    q.bind(7, group.onPremisesSyncEnabled);
    q.bind(8, m_fetchedAt);
    return run(q, "groups");
}

core::Status StoreWriter::writeMember(std::string_view groupId, std::string_view memberId, std::string_view memberType)
{
    store::Statement &q = prepared("member",
        QStringLiteral("INSERT OR REPLACE INTO group_members (group_id, member_id, "
                       "member_type) VALUES (?, ?, ?)"));
    q.bindUtf8(0, groupId);
    q.bindUtf8(1, memberId);
    q.bindUtf8(2, memberType);
    return run(q, "group members");
}

core::Status StoreWriter::writeSku(const graph::SubscribedSku &sku)
{
    m_skuPartNumbers.reset();  // users.licenses names SKUs by these
    store::Statement &q = prepared("sku",
        QStringLiteral("INSERT OR REPLACE INTO subscribed_skus (sku_id, id, sku_part_number, applies_to, "
                       "capability_status, consumed_units, prepaid_enabled, prepaid_suspended, "
                       "prepaid_warning, prepaid_locked_out, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, sku.skuId.toLower());
    q.bind(1, sku.id);
    q.bind(2, sku.skuPartNumber);
    q.bind(3, sku.appliesTo);
    q.bind(4, sku.capabilityStatus);
    q.bind(5, sku.consumedUnits);
    q.bind(6, sku.prepaidUnits.enabled);
    q.bind(7, sku.prepaidUnits.suspended);
    q.bind(8, sku.prepaidUnits.warning);
    q.bind(9, sku.prepaidUnits.lockedOut);
    q.bind(10, m_fetchedAt);
    if (auto s = run(q, "licenses"); !s)
        return s;
    store::Statement &p = prepared("skuplan",
        QStringLiteral("INSERT OR REPLACE INTO sku_service_plans (sku_id, "
                       "service_plan_id, service_plan_name, provisioning_status, "
                       "applies_to) VALUES (?, ?, ?, ?, ?)"));
    for (const auto &plan : sku.servicePlans) {
        p.bind(0, sku.skuId.toLower());
        p.bind(1, plan.servicePlanId);
        p.bind(2, plan.servicePlanName);
        p.bind(3, plan.provisioningStatus);
        p.bind(4, plan.appliesTo);
        if (auto s = run(p, "licenses"); !s)
            return s;
    }
    return {};
}

core::Status StoreWriter::writeServicePrincipal(const graph::ServicePrincipal &sp)
{
    store::Statement &q = prepared("sp",
        QStringLiteral("INSERT OR REPLACE INTO service_principals (id, app_id, "
                       "display_name, app_owner_organization_id, publisher_name, "
                       "service_principal_type, account_enabled, tags, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, sp.id);
    q.bind(1, sp.appId.toLower());
    q.bind(2, sp.displayName);
    q.bind(3, sp.appOwnerOrganizationId);
    q.bind(4, sp.publisherName);
    q.bind(5, sp.servicePrincipalType);
    q.bind(6, sp.accountEnabled);
    q.bind(7, sp.tags.join(u';'));
    q.bind(8, m_fetchedAt);
    return run(q, "applications");
}

core::Status StoreWriter::writeGrant(const graph::OAuth2PermissionGrant &grant)
{
    store::Statement &q = prepared("grant",
        QStringLiteral("INSERT OR REPLACE INTO oauth2_grants (id, client_id, "
                       "consent_type, principal_id, resource_id, scope, fetched_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, grant.id);
    q.bind(1, grant.clientId);
    q.bind(2, grant.consentType);
    q.bind(3, grant.principalId);
    q.bind(4, grant.resourceId);
    q.bind(5, grant.scopes.join(u' '));
    q.bind(6, m_fetchedAt);
    return run(q, "permission grants");
}

core::Status StoreWriter::writeSignIn(
    const graph::SignInView &s, const std::optional<qint64> &person, const std::optional<qint64> &app)
{
    store::Statement &q = prepared("signin",
        QStringLiteral("INSERT OR REPLACE INTO signins_raw (created, id, person, app, status_error_code) "
                       "VALUES (?, ?, ?, ?, ?)"));
    // Whole seconds, as the event's time was kept before schema 13: a re-fetched event keeps its key.
    q.bind(0, s.createdMs >= 0 ? s.createdMs / 1000 : -((999 - s.createdMs) / 1000));
    if (const auto bytes = core::guidBytes(s.id))
        q.bindBlob(1, std::string_view(bytes->data(), bytes->size()));
    else
        q.bindUtf8(1, s.id);
    q.bind(2, person);
    q.bind(3, app);
    q.bind(4, s.errorCode);
    return run(q, "sign-ins");
}

namespace {

/// SQLite's NOCASE: ASCII letters only.
QString foldNoCase(const QString &text)
{
    QString folded = text;
    for (QChar &c : folded) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return folded;
}

}  // namespace

core::Result<QHash<QString, QString>> StoreWriter::userIdsByUpn()
{
    QSqlQuery q(m_store.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT upn, id FROM users WHERE upn IS NOT NULL")))
        return storeWriteError(QStringLiteral("usage report"), q.lastError().text());
    QHash<QString, QString> ids;
    while (q.next())
        ids.insert(foldNoCase(q.value(0).toString()), q.value(1).toString());
    return ids;
}

core::Status StoreWriter::writeUsage(
    const graph::UsageRecord &r, const QString &report, const QHash<QString, QString> &userIds)
{
    store::Statement &q = prepared("usage",
        QStringLiteral("INSERT OR REPLACE INTO m365_usage (report, report_refresh_date, upn, user_id, display_name, "
                       "report_period, fetched_at, exchange_license, exchange_last_activity, onedrive_license, "
                       "onedrive_last_activity, sharepoint_license, sharepoint_last_activity, skype_license, "
                       "skype_last_activity, yammer_license, yammer_last_activity, teams_license, teams_last_activity) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // Concealed names are opaque hashes: never join them to a person.
    const QString userId = r.concealed ? QString() : userIds.value(foldNoCase(r.userPrincipalName));
    q.bind(0, report);
    if (r.reportRefreshDate)
        bindIsoDate(q, 1, r.reportRefreshDate);
    else
        q.bindUtf8(1, std::string_view(m_fetchedAtUtf8).substr(0, 10));
    q.bind(2, r.userPrincipalName);
    q.bind(3, userId.isNull() ? std::optional<QString>() : std::optional<QString>(userId));
    q.bind(4, r.displayName);
    q.bindUtf8(5, std::string_view("D30"));
    q.bindUtf8(6, std::string_view(m_fetchedAtUtf8));
    const std::pair<bool, const std::optional<QDate> &> products[] = {
        {r.hasExchangeLicense, r.lastExchange},
        {r.hasOneDriveLicense, r.lastOneDrive},
        {r.hasSharePointLicense, r.lastSharePoint},
        {r.hasSkypeForBusinessLicense, r.lastSkypeForBusiness},
        {r.hasYammerLicense, r.lastYammer},
        {r.hasTeamsLicense, r.lastTeams},
    };
    int column = 7;
    for (const auto &[licensed, last] : products) {
        q.bind(column++, licensed ? 1 : 0);
        bindIsoDate(q, column++, last);
    }
    return run(q, "usage report");
}

core::Result<QStringList> StoreWriter::dropIndexes(const QStringList &tables, const QStringList &columns)
{
    QList<QRegularExpression> words;
    for (const QString &column : columns)
        words.append(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(column))));
    QStringList names;
    QStringList definitions;
    {
        QSqlQuery q(m_store.sql());
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT name, sql, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"));
        if (!q.exec())
            return storeWriteError(QStringLiteral("data"), q.lastError().text());
        while (q.next()) {
            const QString sql = q.value(1).toString();
            if (!tables.contains(q.value(2).toString())
                || sql.contains(QLatin1StringView("UNIQUE"), Qt::CaseInsensitive))
                continue;
            if (!words.isEmpty() && std::none_of(words.cbegin(), words.cend(), [&sql](const QRegularExpression &word) {
                    return word.match(sql).hasMatch();
                }))
                continue;
            names.append(q.value(0).toString());
            definitions.append(sql);
        }
    }
    if (auto s = dropAll(QLatin1StringView("INDEX"), names); !s)
        return s.error();
    return definitions;
}

core::Result<QStringList> StoreWriter::dropTriggers(const QString &table)
{
    QStringList names;
    QStringList definitions;
    {
        QSqlQuery q(m_store.sql());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?"));
        q.addBindValue(table);
        if (!q.exec())
            return storeWriteError(QStringLiteral("data"), q.lastError().text());
        while (q.next()) {
            names.append(q.value(0).toString());
            definitions.append(q.value(1).toString());
        }
    }
    if (auto s = dropAll(QLatin1StringView("TRIGGER"), names); !s)
        return s.error();
    return definitions;
}

core::Status StoreWriter::dropAll(QLatin1StringView kind, const QStringList &names)
{
    for (const QString &name : names) {
        // Names come from sqlite_schema, quoted as identifiers.
        QString quoted = name;
        quoted.replace(u'"', QLatin1StringView("\"\""));
        if (auto s = exec(QStringLiteral("DROP %1 \"%2\"").arg(kind, quoted)); !s)
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
    store::Statement &q = prepared("seen", QStringLiteral("INSERT OR IGNORE INTO temp.sweep_seen (id) VALUES (?)"));
    q.bind(0, id);
    return run(q, "data");
}

core::Result<qint64> StoreWriter::sweepUnseen(const QString &table)
{
    // `table` comes from the sync steps' own constants, never from input.
    store::Statement sweep(
        m_store, QStringLiteral("DELETE FROM %1 WHERE id NOT IN (SELECT id FROM temp.sweep_seen)").arg(table));
    if (!sweep.exec())
        return storeWriteError(table, sweep.errorText());
    const qint64 removed = sweep.changes();
    (void)exec(QStringLiteral("DELETE FROM temp.sweep_seen"));
    return removed;
}

core::Status StoreWriter::clearDayUsage(const QDate &day)
{
    store::Statement &clear = prepared("fold-clear", QStringLiteral("DELETE FROM usage_daily WHERE day = ?"));
    clear.bind(0, store::usageDay(day));
    return run(clear, "sign-ins");
}

core::Status StoreWriter::loadUsageKeys()
{
    m_usageKeys.clear();
    QSqlQuery q(m_store.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key, object_id FROM usage_keys")))
        return storeWriteError(QStringLiteral("sign-ins"), q.lastError().text());
    while (q.next())
        m_usageKeys.emplace(q.value(1).toString().toStdString(), q.value(0).toLongLong());
    m_usageKeysRollbacks = m_store.rollbacks();
    ++m_usageKeysGeneration;
    return {};
}

core::Result<qint64> StoreWriter::usageKey(UsageKeys &keys, std::uint32_t number, std::string_view objectId)
{
    if (auto s = usageKeysCurrent(); !s)
        return s.error();
    if (keys.generation != m_usageKeysGeneration) {
        keys.byNumber.clear();
        keys.generation = m_usageKeysGeneration;
    }
    if (keys.byNumber.size() <= number)
        keys.byNumber.resize(std::size_t(number) + 1, 0);
    if (keys.byNumber[number] == 0) {
        const auto key = usageKey(objectId);
        if (!key)
            return key.error();
        keys.byNumber[number] = *key;
    }
    return keys.byNumber[number];
}

core::Status StoreWriter::usageKeysCurrent()
{
    // A rollback may have taken back keys added since its BEGIN: the cache starts again from
    // what is stored.
    if (m_usageKeysRollbacks != m_store.rollbacks())
        return loadUsageKeys();
    return {};
}

core::Result<qint64> StoreWriter::usageKey(std::string_view objectId)
{
    if (auto s = usageKeysCurrent(); !s)
        return s.error();
    if (auto it = m_usageKeys.find(objectId); it != m_usageKeys.end())
        return it->second;
    store::Statement &add
        = prepared("usage-key", QStringLiteral("INSERT OR IGNORE INTO usage_keys (object_id) VALUES (?)"));
    add.bindUtf8(0, objectId);
    if (auto s = run(add, "sign-ins"); !s)
        return s.error();
    qint64 key = add.lastInsertRowId();
    if (add.changes() == 0) {
        // Added since the cache was read (a day folded from the table adds its own).
        QSqlQuery q(m_store.sql());
        q.prepare(QStringLiteral("SELECT key FROM usage_keys WHERE object_id = ?"));
        q.addBindValue(QString::fromUtf8(objectId.data(), qsizetype(objectId.size())));
        if (!q.exec() || !q.next())
            return storeWriteError(QStringLiteral("sign-ins"), q.lastError().text());
        key = q.value(0).toLongLong();
    }
    m_usageKeys.emplace(std::string(objectId), key);
    return key;
}

core::Status StoreWriter::foldDay(const QDate &day)
{
    if (auto s = clearDayUsage(day); !s)
        return s;
    store::Statement &fold = prepared("fold",
        QStringLiteral("INSERT INTO usage_daily (day, person, app, sign_ins, failures, last_sign_in) "
                       "SELECT ?, person, app, sum(status_error_code = 0), sum(status_error_code <> 0), "
                       "max(CASE WHEN status_error_code = 0 THEN created END) "
                       "FROM signins_raw WHERE created >= ? AND created < ? "
                       "AND person IS NOT NULL AND app IS NOT NULL GROUP BY person, app"));
    const qint64 start = QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    fold.bind(0, store::usageDay(day));
    fold.bind(1, start);
    fold.bind(2, start + 86400);
    return run(fold, "sign-ins");
}

core::Status StoreWriter::writeAppNames(const DayUsageFold &fold)
{
    store::Statement &name = prepared("app-name",
        QStringLiteral("INSERT INTO signin_app_names (app_id, display_name, seen) VALUES (?, ?, ?)")
            + QLatin1StringView(kUpsertAppName));
    for (const auto &[appId, appName] : fold.appNames()) {
        name.bindUtf8(0, appId);
        name.bindUtf8(1, std::string_view(appName->displayName));
        name.bindUtf8(2, appName->seen.view());
        if (auto s = run(name, "sign-ins"); !s)
            return s;
    }
    return {};
}

core::Result<std::vector<StoreWriter::UsageRow>> StoreWriter::startDayUsage(
    const QDate &day, const DayUsageFold &fold, UsageKeys &people, UsageKeys &apps)
{
    if (auto s = clearDayUsage(day); !s)
        return s.error();
    if (auto s = writeAppNames(fold); !s)
        return s.error();
    const std::vector<const DayUsageFold::Row *> folded = fold.rows();
    std::vector<UsageRow> rows;
    rows.reserve(folded.size());
    for (const DayUsageFold::Row *row : folded) {
        const auto person = usageKey(people, row->person, fold.personId(*row));
        if (!person)
            return person.error();
        const auto app = usageKey(apps, row->app, fold.appId(*row));
        if (!app)
            return app.error();
        rows.push_back({*person, *app, row->signIns, row->failures,
            row->hasLastSignIn ? std::optional<qint64>(row->lastSignIn.ms / 1000) : std::nullopt});
    }
    std::sort(rows.begin(), rows.end(), [](const UsageRow &a, const UsageRow &b) {
        return a.person != b.person ? a.person < b.person : a.app < b.app;
    });
    return rows;
}

core::Status StoreWriter::writeDayUsage(
    const QDate &day, const std::vector<UsageRow> &rows, std::size_t from, std::size_t to)
{
    store::Statement &q = prepared("day-usage",
        QStringLiteral("INSERT INTO usage_daily (day, person, app, sign_ins, failures, last_sign_in) "
                       "VALUES (?, ?, ?, ?, ?, ?)"));
    q.bind(0, store::usageDay(day));
    for (std::size_t i = from; i < std::min(to, rows.size()); ++i) {
        const UsageRow &row = rows[i];
        q.bind(1, row.person);
        q.bind(2, row.app);
        q.bind(3, row.signIns);
        q.bind(4, row.failures);
        q.bind(5, row.lastSignIn);
        if (auto s = run(q, "sign-ins"); !s)
            return s;
    }
    return {};
}

core::Status StoreWriter::writeDayCheckpoint(const QDate &day, const QDateTime &completeUntil, qint64 events)
{
    store::Statement &q = prepared("day-checkpoint",
        QStringLiteral("INSERT OR REPLACE INTO signin_days (day, complete_until, events, fetched_at) "
                       "VALUES (?, ?, ?, ?)"));
    q.bind(0, day.toString(Qt::ISODate));
    q.bind(1, isoUtc(completeUntil));
    q.bind(2, events);
    q.bind(3, m_fetchedAt);
    return run(q, "sign-ins");
}

core::Status StoreWriter::pruneSignIns(const QDateTime &rawBefore, const QDate &usageBefore)
{
    store::Statement &raw = prepared("prune-raw", QStringLiteral("DELETE FROM signins_raw WHERE created < ?"));
    raw.bind(0, rawBefore.toSecsSinceEpoch());
    if (auto s = run(raw, "sign-ins"); !s)
        return s;
    const qint64 rawRemoved = raw.changes();  // the connection's count: read before the next statement
    const QString day = usageBefore.toString(Qt::ISODate);
    store::Statement &usage = prepared("prune-usage", QStringLiteral("DELETE FROM usage_daily WHERE day < ?"));
    usage.bind(0, store::usageDay(usageBefore));
    if (auto s = run(usage, "sign-ins"); !s)
        return s;
    if (usage.changes() > 0 || rawRemoved > 0) {
        // A person or an app with no usage and no raw sign-in left keeps no key: an object id is
        // personal data.
        store::Statement &keys = prepared("prune-keys",
            QStringLiteral("DELETE FROM usage_keys WHERE key NOT IN "
                           "(SELECT person FROM usage_daily UNION SELECT app FROM usage_daily "
                           "UNION SELECT person FROM signins_raw WHERE person IS NOT NULL "
                           "UNION SELECT app FROM signins_raw WHERE app IS NOT NULL)"));
        if (auto s = run(keys, "sign-ins"); !s)
            return s;
        if (keys.changes() > 0)
            m_usageKeysRollbacks.reset();
    }
    store::Statement &days = prepared("prune-days", QStringLiteral("DELETE FROM signin_days WHERE day < ?"));
    days.bind(0, day);
    return run(days, "sign-ins");
}

}  // namespace stocktake::sync
