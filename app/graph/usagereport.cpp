// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/parsers.h"

#include <QCoreApplication>
#include <QHash>

#include <iterator>

namespace stocktake::graph {

namespace {

constexpr qsizetype MaxField = 4096;
constexpr qsizetype MaxColumns = 200;

/// RFC 4180 records: fields separated by commas, quoted fields may hold commas, quotes ("")
/// and line breaks. Returns false on an unterminated quote or an oversized field.
class CsvReader {
public:
    explicit CsvReader(QByteArrayView data)
        : m_data(data)
    { }

    [[nodiscard]] bool atEnd() const { return m_pos >= m_data.size(); }

    bool next(QList<QString> &fields)
    {
        fields.clear();
        QByteArray field;
        bool quoted = false;
        bool wasQuoted = false;
        while (m_pos < m_data.size()) {
            const char c = m_data.at(m_pos++);
            if (quoted) {
                if (c == '"') {
                    if (m_pos < m_data.size() && m_data.at(m_pos) == '"') {
                        field.append('"');
                        ++m_pos;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                if (!push(fields, field)) {
                    return false;
                }
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && m_pos < m_data.size() && m_data.at(m_pos) == '\n') {
                    ++m_pos;
                }
                return push(fields, field);
            } else {
                field.append(c);
            }
            if (field.size() > MaxField) {
                return false;
            }
        }
        return !quoted && push(fields, field);
    }

private:
    static bool push(QList<QString> &fields, QByteArray &field)
    {
        if (fields.size() >= MaxColumns) {
            return false;
        }
        fields.append(QString::fromUtf8(field).trimmed());
        field.clear();
        return true;
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
};

std::optional<QDate> readDate(const QString &s, bool &ok)
{
    if (s.isEmpty()) {
        return std::nullopt;
    }
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (!d.isValid()) {
        ok = false;
        return std::nullopt;
    }
    return d;
}

bool readBool(const QString &s, bool &ok)
{
    if (s.compare(QLatin1StringView("True"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    if (s.isEmpty() || s.compare(QLatin1StringView("False"), Qt::CaseInsensitive) == 0) {
        return false;
    }
    ok = false;
    return false;
}

core::Error badReport(const QString &detail)
{
    return {QStringLiteral("graph.malformed_report"),
        QCoreApplication::translate("stocktake::graph::Parsers",
            "The Microsoft 365 usage report could not be read (its columns were not the expected ones). Try the "
            "sync again later."),
        detail, core::ExitCode::Service};
}

}  // namespace

core::Result<Parsed<UsageRecord>> parseOffice365ActiveUserDetail(QByteArrayView csv)
{
    if (csv.startsWith("\xEF\xBB\xBF")) {
        csv = csv.sliced(3);
    }
    CsvReader reader(csv);
    QList<QString> header;
    if (!reader.next(header) || header.isEmpty()) {
        return badReport(QStringLiteral("no header row"));
    }
    QHash<QString, qsizetype> column;
    for (qsizetype i = 0; i < header.size(); ++i) {
        column.insert(header.at(i).toLower(), i);
    }
    const auto col = [&column](const char *name) {
        return column.value(QString::fromLatin1(name).toLower(), -1);
    };
    const qsizetype upnCol = col("User Principal Name");
    if (upnCol < 0) {
        return badReport(QStringLiteral("no User Principal Name column"));
    }
    const qsizetype nameCol = col("Display Name");
    const qsizetype refreshCol = col("Report Refresh Date");
    const qsizetype deletedCol = col("Is Deleted");
    const qsizetype productsCol = col("Assigned Products");
    struct Service {
        const char *name;
        std::optional<QDate> UsageRecord::*last;
        bool UsageRecord::*licensed;
    };
    const Service services[] = {
        {"Exchange", &UsageRecord::lastExchange, &UsageRecord::hasExchangeLicense},
        {"OneDrive", &UsageRecord::lastOneDrive, &UsageRecord::hasOneDriveLicense},
        {"SharePoint", &UsageRecord::lastSharePoint, &UsageRecord::hasSharePointLicense},
        {"Skype For Business", &UsageRecord::lastSkypeForBusiness, &UsageRecord::hasSkypeForBusinessLicense},
        {"Yammer", &UsageRecord::lastYammer, &UsageRecord::hasYammerLicense},
        {"Teams", &UsageRecord::lastTeams, &UsageRecord::hasTeamsLicense},
    };

    qsizetype lastCol[std::size(services)];
    qsizetype licenseCol[std::size(services)];
    for (std::size_t i = 0; i < std::size(services); ++i) {
        const QString name = QString::fromLatin1(services[i].name);
        lastCol[i] = column.value((name + QStringLiteral(" Last Activity Date")).toLower(), -1);
        licenseCol[i] = column.value((QStringLiteral("Has ") + name + QStringLiteral(" License")).toLower(), -1);
    }

    Parsed<UsageRecord> out;
    QList<QString> row;
    int index = 0;
    while (!reader.atEnd()) {
        if (!reader.next(row)) {
            out.issues.append({index, QString(), QStringLiteral("row is not valid CSV; the rest was dropped")});
            break;
        }
        if (row.size() == 1 && row.first().isEmpty()) {
            continue;  // blank line
        }
        const int thisIndex = index++;
        const auto field = [&row](qsizetype c) {
            return c >= 0 && c < row.size() ? row.at(c) : QString();
        };
        UsageRecord u;
        bool ok = true;
        u.userPrincipalName = field(upnCol);
        u.displayName = field(nameCol);
        if (u.userPrincipalName.isEmpty() || u.userPrincipalName.size() > 1024) {
            out.issues.append({thisIndex, QString(), QStringLiteral("User Principal Name is empty or too long")});
            continue;
        }
        // With concealed names Graph replaces identifiers by opaque hashes; a UPN has an '@'.
        u.concealed = !u.userPrincipalName.contains(u'@');
        u.reportRefreshDate = readDate(field(refreshCol), ok);
        u.isDeleted = readBool(field(deletedCol), ok);
        for (std::size_t i = 0; i < std::size(services); ++i) {
            u.*(services[i].last) = readDate(field(lastCol[i]), ok);
            u.*(services[i].licensed) = readBool(field(licenseCol[i]), ok);
        }
        u.assignedProducts = field(productsCol).split(u'+', Qt::SkipEmptyParts);
        if (!ok) {
            // The row's UPN is personal data: the issue names the row only.
            out.issues.append(
                {thisIndex, QString(), QStringLiteral("a date or True/False column holds something else")});
            continue;
        }
        out.records.append(std::move(u));
    }
    return out;
}

}  // namespace stocktake::graph
