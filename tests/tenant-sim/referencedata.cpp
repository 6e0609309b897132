// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "referencedata.h"

#include <QDir>
#include <QFile>

namespace stocktake::tenantsim {

namespace {

/// One RFC 4180 record per line (these files hold no line breaks inside fields).
QStringList splitCsv(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

QStringList dataLines(const QString &path)
{
    QFile file(path);
    QStringList out;
    if (!file.open(QIODevice::ReadOnly)) {
        return out;
    }
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.isEmpty() && !line.startsWith(u'#')) {
            out.append(line);
        }
    }
    return out;
}

/// "36.00" → 3600 exactly, from the digits (never through a double).
std::optional<qint64> cents(const QString &amount)
{
    const QString whole = amount.section(u'.', 0, 0);
    QString fraction = amount.section(u'.', 1);
    if (fraction.size() > 2) {
        return std::nullopt;
    }
    fraction = fraction.leftJustified(2, u'0');
    bool okWhole = false;
    bool okFraction = false;
    const qint64 w = whole.toLongLong(&okWhole);
    const qint64 f = fraction.toLongLong(&okFraction);
    if (!okWhole || !okFraction || w < 0) {
        return std::nullopt;
    }
    return w * 100 + f;
}

}  // namespace

qint64 ListPrice::monthlyMinor() const
{
    return period == QLatin1StringView("year") ? (minor + 6) / 12 : minor;
}

ReferenceData ReferenceData::load(const QString &resourcesDir)
{
    ReferenceData data;
    const QDir dir(resourcesDir);
    const QStringList names = dataLines(dir.filePath(QStringLiteral("licensing/product-names.csv")));
    for (qsizetype i = 1; i < names.size(); ++i) {  // after the header
        const QStringList f = splitCsv(names.at(i));
        if (f.size() >= 2) {
            data.m_names.insert(f.at(0).trimmed(), f.at(1).trimmed());
        }
    }
    const QStringList prices = dataLines(dir.filePath(QStringLiteral("licensing/list-prices.csv")));
    for (qsizetype i = 1; i < prices.size(); ++i) {
        const QStringList f = splitCsv(prices.at(i));
        if (f.size() < 4) {
            continue;
        }
        if (const auto minor = cents(f.at(1).trimmed())) {
            data.m_prices.insert(f.at(0).trimmed(), {*minor, f.at(2).trimmed(), f.at(3).trimmed()});
        }
    }
    for (const QString &scope : dataLines(dir.filePath(QStringLiteral("catalog/high-privilege-scopes.txt")))) {
        data.m_risky.insert(scope.toLower());
    }
    return data;
}

std::optional<ListPrice> ReferenceData::price(const QString &partNumber) const
{
    const auto it = m_prices.constFind(partNumber);
    if (it == m_prices.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

}  // namespace stocktake::tenantsim
