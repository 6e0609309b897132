// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilesettings.h"

#include "database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace stocktake::store {

namespace {

core::Error settingsError(const QSqlQuery &query)
{
    return core::Error {QStringLiteral("store.settings"),
        QCoreApplication::translate("stocktake::store::ProfileSettings",
            "The settings could not be read or saved in the local database. Run `stocktake-cli db check`."),
        QStringLiteral("settings: %1").arg(query.lastError().text()), core::ExitCode::Store};
}

}  // namespace

core::Result<int> ProfileSettings::inactiveDays(const Database &db)
{
    QSqlQuery query(db.sql());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(QString::fromLatin1(kInactiveDaysKey));
    if (!query.exec())
        return settingsError(query);
    if (!query.next())
        return kInactiveDaysDefault;
    bool ok = false;
    const int days = query.value(0).toString().toInt(&ok);
    return ok && days >= kInactiveDaysMin && days <= kInactiveDaysMax ? days : kInactiveDaysDefault;
}

core::Status ProfileSettings::setInactiveDays(const Database &db, int days)
{
    if (days < kInactiveDaysMin || days > kInactiveDaysMax) {
        return core::Error {QStringLiteral("store.bad_setting"),
            QCoreApplication::translate(
                "stocktake::store::ProfileSettings", "The inactivity window is a whole number of days from 1 to 3650."),
            QStringLiteral("inactive days %1 out of range").arg(days), core::ExitCode::Usage};
    }
    QSqlQuery query(db.sql());
    query.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(QString::fromLatin1(kInactiveDaysKey));
    query.addBindValue(QString::number(days));
    if (!query.exec())
        return settingsError(query);
    return {};
}

}  // namespace stocktake::store
