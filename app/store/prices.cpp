// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "prices.h"

#include "database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace stocktake::store {

namespace {

// For the members of Prices. lupdate would file a tr() call in a free function under another
// context ("core" for a core::Error one), so free functions spell the context out.
QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::store::Prices", text);
}

core::Error pricesError(const char *what, const QSqlQuery &query)
{
    return core::Error {QStringLiteral("store.prices"),
        QCoreApplication::translate("stocktake::store::Prices",
            "The prices could not be read or saved in the local database. Run `stocktake-cli db check`."),
        QStringLiteral("prices %1: %2").arg(QLatin1StringView(what), query.lastError().text()), core::ExitCode::Store};
}

core::Error badPrice(const QString &message, const QString &detail)
{
    return core::Error {QStringLiteral("store.bad_price"), message, detail, core::ExitCode::Usage};
}

}  // namespace

core::Status Prices::set(const Database &db, const ManualPrice &price)
{
    const QString key = price.key.trimmed();
    if (key.isEmpty() || key.size() > 200)
        return badPrice(tr("A price needs a SKU part number or an app id."), QStringLiteral("empty or long key"));
    if (price.amount.minorUnits() < 0)
        return badPrice(tr("A price cannot be negative."), QStringLiteral("negative amount"));
    if (price.period != QLatin1StringView("month") && price.period != QLatin1StringView("year"))
        return badPrice(tr("A price is per month or per year."), QStringLiteral("bad period"));
    if (auto s = db.beginWrite(); !s)
        return s;
    QSqlQuery query(db.sql());
    query.prepare(QStringLiteral("DELETE FROM prices WHERE lower(key) = lower(?) AND key <> ?"));
    query.addBindValue(key);
    query.addBindValue(key);
    if (!query.exec()) {
        db.rollback();
        return pricesError("delete", query);
    }
    query.prepare(QStringLiteral(
        "INSERT INTO prices (key, amount_minor, currency, period, source, updated) VALUES (?, ?, ?, ?, 'manual', ?) "
        "ON CONFLICT (key) DO UPDATE SET amount_minor = excluded.amount_minor, currency = excluded.currency, "
        "period = excluded.period, source = 'manual', updated = excluded.updated"));
    query.addBindValue(key);
    query.addBindValue(price.amount.minorUnits());
    query.addBindValue(price.amount.currency().code());
    query.addBindValue(price.period);
    query.addBindValue(price.updated.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    if (!query.exec()) {
        db.rollback();
        return pricesError("insert", query);
    }
    return db.commit();
}

core::Status Prices::remove(const Database &db, const QString &key)
{
    QSqlQuery query(db.sql());
    query.prepare(QStringLiteral("DELETE FROM prices WHERE lower(key) = lower(?) AND source = 'manual'"));
    query.addBindValue(key.trimmed());
    if (!query.exec())
        return pricesError("remove", query);
    return {};
}

core::Result<QList<ManualPrice>> Prices::list(const Database &db)
{
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT key, amount_minor, currency, period, updated FROM prices "
                                   "WHERE source = 'manual' ORDER BY key COLLATE NOCASE")))
        return pricesError("list", query);
    QList<ManualPrice> out;
    while (query.next()) {
        const auto currency = core::Currency::fromCode(query.value(2).toString());
        if (!currency)
            continue;
        out.append(ManualPrice {query.value(0).toString(), core::Money(query.value(1).toLongLong(), *currency),
            query.value(3).toString(), QDateTime::fromString(query.value(4).toString(), Qt::ISODate)});
    }
    return out;
}

}  // namespace stocktake::store
