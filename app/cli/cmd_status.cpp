// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "profileaccess.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTextStream>

namespace stocktake::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::cli::StatusCommand", text);
}

struct EntityState {
    QString entity;
    QString lastSuccess;
    QString lastAttempt;
    QString lastErrorCode;
    qint64 items = 0;
};

/// `status`, the store half: where the data is, how it is keyed, its schema, what it holds and
/// when each entity was last synced (sync_state).
class StatusCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("status"); }
    [[nodiscard]] QString synopsis() const override { return QStringLiteral("status [--format text|json]"); }
    [[nodiscard]] QString summary() const override
    {
        return tr("Shows the database path, key storage, schema version, row counts and the last sync per entity.");
    }

    void run(CommandContext &context, const QStringList &arguments, Finish finish) override
    {
        m_context = &context;
        const auto parsed = parseArguments(arguments, {QStringLiteral("--format")}, {});
        if (!parsed)
            return finish(parsed.error());
        if (!parsed->positional.isEmpty())
            return finish(usageError(tr("status takes no arguments besides --format.")));
        const QString format = parsed->values.value(QStringLiteral("--format"), QStringLiteral("text"));
        if (format != QLatin1StringView("text") && format != QLatin1StringView("json"))
            return finish(usageError(tr("--format is text or json.")));
        m_access = std::make_unique<ProfileAccess>(context);
        m_access->selectProfile([this, format, finish](core::Result<store::Profile> profile) {
            if (!profile)
                return finish(profile.error());
            m_access->openDatabase(
                *profile, {}, [this, format, profile = *profile, finish](store::ProfileKeys::Opened db) {
                    if (!db)
                        return finish(db.error());
                    print(profile, **db, format == QLatin1StringView("json"));
                    finish({});
                });
        });
    }

private:
    void print(const store::Profile &profile, const store::Database &db, bool json)
    {
        const int schema = db.schemaVersion().ok() ? db.schemaVersion().value() : -1;
        QList<QPair<QString, qint64>> counts;
        for (const QString &table : db.tables()) {
            const auto count = db.rowCount(table);
            counts.append({table, count ? *count : -1});
        }
        QList<EntityState> entities;
        {
            QSqlQuery query(db.sql());
            query.setForwardOnly(true);
            if (query.exec(QStringLiteral("SELECT entity, last_success, last_attempt, last_error_code, item_count "
                                          "FROM sync_state ORDER BY entity"))) {
                while (query.next())
                    entities.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toLongLong()});
            }
        }
        QTextStream &out = *m_context->out;
        if (json) {
            QJsonObject tables;
            for (const auto &[table, count] : counts)
                tables.insert(table, count);
            QJsonArray sync;
            for (const EntityState &e : entities) {
                sync.append(QJsonObject {{QStringLiteral("entity"), e.entity},
                    {QStringLiteral("lastSuccess"), e.lastSuccess.isEmpty() ? QJsonValue() : QJsonValue(e.lastSuccess)},
                    {QStringLiteral("lastAttempt"), e.lastAttempt.isEmpty() ? QJsonValue() : QJsonValue(e.lastAttempt)},
                    {QStringLiteral("lastErrorCode"),
                        e.lastErrorCode.isEmpty() ? QJsonValue() : QJsonValue(e.lastErrorCode)},
                    {QStringLiteral("items"), e.items}});
            }
            const QJsonObject root {
                {QStringLiteral("profile"), profile.name},
                {QStringLiteral("tenant"), profile.tenant},
                {QStringLiteral("database"), QDir::toNativeSeparators(db.path())},
                {QStringLiteral("keyStorage"), store::ProfileStore::keyStorageName(profile.keyStorage)},
                {QStringLiteral("schemaVersion"), schema},
                {QStringLiteral("cipherVersion"), db.cipherVersion()},
                {QStringLiteral("lastSync"),
                    profile.lastSync.isValid() ? QJsonValue(profile.lastSync.toUTC().toString(Qt::ISODate))
                                               : QJsonValue()},
                {QStringLiteral("tables"), tables},
                {QStringLiteral("sync"), sync},
            };
            out << QJsonDocument(root).toJson(QJsonDocument::Indented);
            return;
        }
        out << tr("profile: %1 (tenant %2)").arg(profile.name, profile.tenant) << u'\n';
        out << tr("database: %1").arg(QDir::toNativeSeparators(db.path())) << u'\n';
        out << tr("key storage: %1").arg(store::ProfileStore::keyStorageName(profile.keyStorage)) << u'\n';
        out << tr("schema version: %1 (SQLCipher %2)").arg(schema).arg(db.cipherVersion()) << u'\n';
        out << tr("rows:") << u'\n';
        for (const auto &[table, count] : counts)
            out << QStringLiteral("  %1\t%2").arg(table).arg(count) << u'\n';
        out << tr("last sync:") << u'\n';
        if (entities.isEmpty())
            out << QStringLiteral("  ") << tr("never") << u'\n';
        for (const EntityState &e : entities) {
            out << QStringLiteral("  %1\t%2\t%3")
                       .arg(e.entity, e.lastSuccess.isEmpty() ? tr("never") : e.lastSuccess,
                           e.lastErrorCode.isEmpty() ? QString() : tr("last error: %1").arg(e.lastErrorCode))
                << u'\n';
        }
    }

    CommandContext *m_context = nullptr;
    std::unique_ptr<ProfileAccess> m_access;
};

}  // namespace

std::unique_ptr<Command> makeStatusCommand()
{
    return std::make_unique<StatusCommand>();
}

}  // namespace stocktake::cli
