// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "resources/catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

// The resources of a static library register only when asked (Q_INIT_RESOURCE is global-scope).
static void initStocktakeResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace stocktake::resources {

void ensureResources()
{
    static const bool once = (initStocktakeResources(), true);
    Q_UNUSED(once);
}

namespace {

core::Error badTable(const QString &file, const QString &why)
{
    return core::Error {QStringLiteral("resources.bad_table"),
        QCoreApplication::translate(
            "stocktake::resources::Catalog", "A bundled data table is damaged. Reinstall Stocktake."),
        file + QStringLiteral(": ") + why, core::ExitCode::Failed};
}

core::Result<QString> readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return badTable(path, QStringLiteral("cannot open"));
    return QString::fromUtf8(f.readAll());
}

// Data lines of a table: no blank lines, no `#` comments, no header.
QStringList dataLines(const QString &text, bool hasHeader)
{
    QStringList out;
    bool headerSeen = !hasHeader;
    const QStringList lines = text.split(u'\n');
    for (QString line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        if (!headerSeen) {
            headerSeen = true;
            continue;
        }
        out << line;
    }
    return out;
}

const QRegularExpression &guidPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re;
}

}  // namespace

QStringList splitCsvLine(const QString &line)
{
    QStringList fields;
    QString cur;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < line.size() && line.at(i + 1) == u'"') {
                    cur += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cur += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    fields << cur;
    return fields;
}

core::Result<Catalog> Catalog::load()
{
    ensureResources();
    Catalog cat;

    const QString namesPath = QStringLiteral(":/licensing/product-names.csv");
    auto names = readText(namesPath);
    if (!names)
        return names.error();
    for (const QString &line : dataLines(*names, true)) {
        const QStringList f = splitCsvLine(line);
        if (f.size() != 3 || f[0].isEmpty() || f[1].isEmpty())
            return badTable(namesPath, QStringLiteral("bad row"));
        if (cat.productNames.contains(f[0]))
            return badTable(namesPath, QStringLiteral("duplicate part number ") + f[0]);
        if (!f[2].isEmpty() && !guidPattern().match(f[2]).hasMatch())
            return badTable(namesPath, QStringLiteral("bad GUID for ") + f[0]);
        cat.productNames.insert(f[0], f[1]);
        if (!f[2].isEmpty())
            cat.productGuids.insert(f[0], f[2]);
    }

    const QString pricesPath = QStringLiteral(":/licensing/list-prices.csv");
    auto prices = readText(pricesPath);
    if (!prices)
        return prices.error();
    for (const QString &line : dataLines(*prices, true)) {
        const QStringList f = splitCsvLine(line);
        if (f.size() != 6 || f[0].isEmpty())
            return badTable(pricesPath, QStringLiteral("bad row"));
        const auto currency = core::Currency::fromCode(f[2]);
        if (!currency)
            return badTable(pricesPath, QStringLiteral("bad currency for ") + f[0]);
        const auto money = core::Money::parse(f[1], *currency);
        if (!money)
            return badTable(pricesPath, QStringLiteral("bad amount for ") + f[0]);
        if (f[3] != QLatin1StringView("month") && f[3] != QLatin1StringView("year"))
            return badTable(pricesPath, QStringLiteral("bad period for ") + f[0]);
        if (cat.listPrices.contains(f[0]))
            return badTable(pricesPath, QStringLiteral("duplicate part number ") + f[0]);
        cat.listPrices.insert(f[0], ListPrice {money->minorUnits(), f[2], f[3], f[4], f[5]});
    }

    const QString scopesPath = QStringLiteral(":/catalog/high-privilege-scopes.txt");
    auto scopes = readText(scopesPath);
    if (!scopes)
        return scopes.error();
    for (const QString &line : dataLines(*scopes, false)) {
        const QString scope = line.trimmed();
        if (cat.highPrivilegeScopes.contains(scope.toLower()))
            continue;
        cat.highPrivilegeScopes.insert(scope.toLower());
        cat.highPrivilegeScopeNames << scope;
    }

    const QString vendorsPath = QStringLiteral(":/catalog/vendors.json");
    auto vendorsText = readText(vendorsPath);
    if (!vendorsText)
        return vendorsText.error();
    QJsonParseError perr {};
    const QJsonDocument doc = QJsonDocument::fromJson(vendorsText->toUtf8(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return badTable(vendorsPath, QStringLiteral("not a JSON object"));
    const QJsonObject root = doc.object();
    for (const QJsonValue &v : root.value(QLatin1StringView("categories")).toArray())
        cat.categories << v.toString();
    for (const QJsonValue &v : root.value(QLatin1StringView("invoiceKeywords")).toArray())
        cat.invoiceKeywords << v.toString();
    QSet<QString> ids;
    for (const QJsonValue &v : root.value(QLatin1StringView("vendors")).toArray()) {
        const QJsonObject o = v.toObject();
        Vendor vendor;
        vendor.id = o.value(QLatin1StringView("id")).toString();
        vendor.name = o.value(QLatin1StringView("name")).toString();
        vendor.category = o.value(QLatin1StringView("category")).toString();
        for (const QJsonValue &a : o.value(QLatin1StringView("appIds")).toArray())
            vendor.appIds << a.toString().toLower();
        for (const QJsonValue &d : o.value(QLatin1StringView("senderDomains")).toArray())
            vendor.senderDomains << d.toString().toLower();
        if (vendor.id.isEmpty() || vendor.name.isEmpty() || ids.contains(vendor.id))
            return badTable(vendorsPath, QStringLiteral("missing or duplicate id ") + vendor.id);
        if (!cat.categories.contains(vendor.category))
            return badTable(vendorsPath, QStringLiteral("unknown category for ") + vendor.id);
        if (vendor.senderDomains.isEmpty())
            return badTable(vendorsPath, QStringLiteral("no sender domain for ") + vendor.id);
        for (const QString &a : std::as_const(vendor.appIds)) {
            if (!guidPattern().match(a).hasMatch())
                return badTable(vendorsPath, QStringLiteral("bad app id for ") + vendor.id);
        }
        ids.insert(vendor.id);
        cat.vendors << vendor;
    }
    return cat;
}

bool Catalog::isHighPrivilege(const QString &scope) const
{
    return highPrivilegeScopes.contains(scope.trimmed().toLower());
}

const Vendor *Catalog::vendorForSender(const QString &address) const
{
    const qsizetype at = address.lastIndexOf(u'@');
    const QString domain = address.mid(at + 1).trimmed().toLower();
    for (const Vendor &v : vendors) {
        for (const QString &d : v.senderDomains) {
            if (domain == d || domain.endsWith(u'.' + d))
                return &v;
        }
    }
    return nullptr;
}

}  // namespace stocktake::resources
