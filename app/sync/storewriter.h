// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/records.h"
#include "store/statement.h"
#include "sync/dayusagefold.h"

#include <QDateTime>

#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stocktake::graph {
struct SignInView;
}

namespace stocktake::store {
class Database;
}

namespace stocktake::sync {

/// Writes typed Graph records into the schema with prepared statements that live as long as the
/// writer (one per sync, on the sync thread's connection; store::Statement, straight on SQLite,
/// because a million sign-ins through QSqlQuery cost more in binding than in SQLite). It never opens or ends a
/// transaction: the entity steps do, so each entity lands whole or not at all.
class StoreWriter {
public:
    explicit StoreWriter(const store::Database &db);

    void setFetchedAt(const QDateTime &utc);

    [[nodiscard]] core::Status exec(const QString &sql);

    [[nodiscard]] core::Status writeOrganization(const graph::Organization &org);
    /// Upserts the directory fields and users.licenses (schema 6: the Users page's licence
    /// column, from the stored SKUs); the signInActivity columns are left as they are.
    [[nodiscard]] core::Status upsertUser(const graph::User &user);
    [[nodiscard]] core::Status removeUser(const QString &id);
    /// The separate signInActivity pass: only the activity columns.
    [[nodiscard]] core::Status writeSignInActivity(const QString &userId, const graph::SignInActivity &activity);
    [[nodiscard]] core::Status writeGroup(const graph::Group &group);
    /// One membership, as UTF-8; the type is the @odata.type's last part ("user", "group", …).
    [[nodiscard]] core::Status writeMember(
        std::string_view groupId, std::string_view memberId, std::string_view memberType);
    [[nodiscard]] core::Status writeSku(const graph::SubscribedSku &sku);
    [[nodiscard]] core::Status writeServicePrincipal(const graph::ServicePrincipal &sp);
    [[nodiscard]] core::Status writeGrant(const graph::OAuth2PermissionGrant &grant);
    /// One raw sign-in (schema 13): its time in whole seconds, its id as 16 bytes when it is a GUID
    /// in Graph's form, the person and the app by their usage_keys keys (usageKey()).
    [[nodiscard]] core::Status writeSignIn(
        const graph::SignInView &signIn, const std::optional<qint64> &person, const std::optional<qint64> &app);
    /// Every person's id by UPN, the key folded as SQLite's NOCASE folds it (ASCII only): the
    /// usage report names people by UPN, and one scan of the users beats a lookup per row.
    [[nodiscard]] core::Result<QHash<QString, QString>> userIdsByUpn();
    /// One report row per person, each product a licence flag and a last activity date; `userIds`
    /// from userIdsByUpn().
    [[nodiscard]] core::Status writeUsage(
        const graph::UsageRecord &record, const QString &report, const QHash<QString, QString> &userIds);

    /// For a write that touches every row of `tables` (a full listing of the users): drops their
    /// secondary, non-unique indexes inside the open transaction and returns their definitions
    /// for EntityStep::indexBuilds(), which makes them again before the commit. One sorted build per
    /// index costs a fraction of keeping ten indexes through 100,000 inserts in key order of
    /// none of them. DDL is transactional: a rollback brings the indexes back as they were.
    /// With `columns`, only the indexes that name one of them (the activity pass's times).
    [[nodiscard]] core::Result<QStringList> dropIndexes(const QStringList &tables, const QStringList &columns = {});

    /// For the same full listing: drops the triggers on `table` inside the open transaction and
    /// returns their definitions, made again before the commit with the indexes. The triggers on
    /// user_licenses rewrote users.licenses once for each licence; upsertUser writes it once.
    [[nodiscard]] core::Result<QStringList> dropTriggers(const QString &table);

    /// Mark-and-sweep for snapshot entities: ids seen in this sync go to a temp table; the rows
    /// of `table` whose id was not seen are deleted at the end.
    [[nodiscard]] core::Status beginSweep(const QString &table);
    [[nodiscard]] core::Status markSeen(const QString &id);
    [[nodiscard]] core::Result<qint64> sweepUnseen(const QString &table);

    /// A row of usage_daily as schema 10 stores it: the person and the app by their usage_keys key.
    struct UsageRow {
        qint64 person = 0;
        qint64 app = 0;
        qint64 signIns = 0;
        qint64 failures = 0;
        std::optional<qint64> lastSignIn;  ///< the latest success, seconds since the epoch (UTC)
    };

    /// usage_keys keys by the numbers a DayUsageFold gives people (or apps) for a sync: a sign-in's
    /// person and app cost an index into a vector, not a hash of a 36-character id. They stand for
    /// one generation of the writer's keys (a rollback or the purge starts a new one).
    struct UsageKeys {
        std::vector<qint64> byNumber;  ///< 0: not looked up yet (keys start at 1, AUTOINCREMENT)
        quint64 generation = 0;
    };

    /// Rebuilds usage_daily for one UTC day from signins_raw (a day resumed part-way).
    [[nodiscard]] core::Status foldDay(const QDate &day);
    /// Each app's name as `fold` saw it, kept where it is newer than the stored one.
    [[nodiscard]] core::Status writeAppNames(const DayUsageFold &fold);
    /// Replaces usage_daily's rows of one UTC day with the fold of the whole day, in slices within
    /// one transaction: first the day's old rows go and its app names are taken; the rows come
    /// back keyed (through `people` and `apps`) in usage_daily's key order, and writeDayUsage
    /// writes rows[from, to) of them, slice by slice.
    [[nodiscard]] core::Result<std::vector<UsageRow>> startDayUsage(
        const QDate &day, const DayUsageFold &fold, UsageKeys &people, UsageKeys &apps);
    [[nodiscard]] core::Status writeDayUsage(
        const QDate &day, const std::vector<UsageRow> &rows, std::size_t from, std::size_t to);
    /// The usage_keys key of an object id, added (in the open transaction) when it has none. The
    /// keys are cached for the sync; a rollback, which may take new ones back, empties the cache.
    [[nodiscard]] core::Result<qint64> usageKey(std::string_view objectId);
    /// usageKey() through `keys`, for the person or app `number` of a fold whose id is `objectId`.
    [[nodiscard]] core::Result<qint64> usageKey(UsageKeys &keys, std::uint32_t number, std::string_view objectId);
    /// The day checkpoint (signin_days): the day is held up to `completeUntil`, with `events`.
    [[nodiscard]] core::Status writeDayCheckpoint(const QDate &day, const QDateTime &completeUntil, qint64 events);
    /// Retention: deletes raw sign-ins created before `rawBefore`, and the daily aggregates and
    /// day checkpoints of days before `usageBefore`.
    [[nodiscard]] core::Status pruneSignIns(const QDateTime &rawBefore, const QDate &usageBefore);

private:
    store::Statement &prepared(const char *key, const QString &sql);
    [[nodiscard]] core::Status clearDayUsage(const QDate &day);
    [[nodiscard]] static core::Status run(store::Statement &statement, const char *what);

    [[nodiscard]] core::Status loadUsageKeys();
    /// Reads usage_keys again after a rollback (or the purge) of the connection.
    [[nodiscard]] core::Status usageKeysCurrent();
    /// DROP `kind` (INDEX, TRIGGER) of each of `names`, as sqlite_schema names them.
    [[nodiscard]] core::Status dropAll(QLatin1StringView kind, const QStringList &names);
    /// users.licenses for `user`, exactly as the triggers on user_licenses make it.
    [[nodiscard]] core::Result<QString> licenseSummary(const graph::User &user);

    const store::Database &m_store;
    /// usage_keys, as of m_usageKeysRollbacks rollbacks of the connection (see usageKey()).
    std::unordered_map<std::string, qint64, DayUsageFold::Hash, std::equal_to<>> m_usageKeys;
    std::optional<quint64> m_usageKeysRollbacks;
    quint64 m_usageKeysGeneration = 0;  ///< one more each time m_usageKeys is read (UsageKeys)
    /// subscribed_skus' part numbers by SKU id, as of m_skuPartNumbersRollbacks rollbacks.
    std::optional<QHash<QString, QString>> m_skuPartNumbers;
    quint64 m_skuPartNumbersRollbacks = 0;
    QString m_fetchedAt;
    std::string m_fetchedAtUtf8;  ///< bound to each usage report row without a conversion
    std::map<const char *, store::Statement> m_queries;
};

/// ISO 8601 UTC with a Z, second precision: the form every time column of the schema uses.
[[nodiscard]] QString isoUtc(const QDateTime &dt);

/// The typed error for a failed write (exit 5: the local store refused).
[[nodiscard]] core::Error storeWriteError(const QString &what, const QString &detail);

}  // namespace stocktake::sync
