// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>

namespace stocktake::graph {

/// Reads one JSON object strictly: types are checked, lengths capped, required fields
/// enforced, unknown fields ignored. The first problem is kept (for ParseIssue::problem) and
/// the record is then rejected by its parser. Absent and null are the same for optional fields.
class FieldReader {
public:
    static constexpr qsizetype IdMax = 512;
    static constexpr qsizetype TextMax = 1024;

    explicit FieldReader(QJsonObject object, QString prefix = {});

    [[nodiscard]] QString requiredString(QLatin1StringView key, qsizetype maxLen = TextMax);
    [[nodiscard]] std::optional<QString> optionalString(QLatin1StringView key, qsizetype maxLen = TextMax);
    /// The record's key: a non-empty string without control characters, ≤ IdMax. (Ids reach
    /// URLs only percent-encoded, see Endpoint.)
    [[nodiscard]] QString id(QLatin1StringView key = QLatin1StringView("id"));
    [[nodiscard]] std::optional<QString> optionalId(QLatin1StringView key);
    [[nodiscard]] std::optional<bool> optionalBool(QLatin1StringView key);
    [[nodiscard]] bool requiredBool(QLatin1StringView key);
    /// Whole numbers only, within ±2^53 (JSON's exact range).
    [[nodiscard]] std::optional<qint64> optionalInt(QLatin1StringView key);
    [[nodiscard]] qint64 requiredInt(QLatin1StringView key);
    [[nodiscard]] std::optional<QDateTime> optionalDateTime(QLatin1StringView key);
    [[nodiscard]] QDateTime requiredDateTime(QLatin1StringView key);
    /// Absent or null → empty list. Each element a string ≤ maxLen.
    [[nodiscard]] QStringList stringList(QLatin1StringView key, qsizetype maxItems = 1000, qsizetype maxLen = TextMax);
    /// Absent or null → nullopt; present but not an object → problem.
    [[nodiscard]] std::optional<QJsonObject> optionalObject(QLatin1StringView key);
    /// Absent or null → empty; present but not an array, or longer than maxItems → problem.
    [[nodiscard]] QJsonArray array(QLatin1StringView key, qsizetype maxItems = 10000);

    [[nodiscard]] bool ok() const { return m_problem.isEmpty(); }
    [[nodiscard]] const QString &problem() const { return m_problem; }
    void fail(const QString &problem);
    /// Copies a nested reader's problem into this one.
    void take(const FieldReader &nested);

    /// ISO 8601 in UTC: yyyy-MM-ddTHH:mm:ss[.fraction]Z (or +00:00), the form Graph sends.
    [[nodiscard]] static std::optional<QDateTime> parseUtc(QStringView text);
    /// The same grammar over UTF-8 (SignInPageReader), as ms since the epoch.
    [[nodiscard]] static std::optional<qint64> parseUtcMs(std::string_view utf8);

private:
    [[nodiscard]] QString name(QLatin1StringView key) const;

    QJsonObject m_object;
    QString m_prefix;
    QString m_problem;
};

}  // namespace stocktake::graph
