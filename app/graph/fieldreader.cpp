// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/fieldreader.h"

#include <QTimeZone>

#include <cmath>

namespace stocktake::graph {

namespace {

constexpr double MaxExactInteger = 9007199254740992.0;  // 2^53

int digits(QStringView s, qsizetype from, qsizetype count, bool &ok)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const QChar c = s.at(i);
        if (c < u'0' || c > u'9') {
            ok = false;
            return 0;
        }
        v = v * 10 + (c.unicode() - u'0');
    }
    return v;
}

}  // namespace

FieldReader::FieldReader(QJsonObject object, QString prefix)
    : m_object(std::move(object))
    , m_prefix(std::move(prefix))
{ }

QString FieldReader::name(QLatin1StringView key) const
{
    return m_prefix.isEmpty() ? QString(key) : m_prefix + u'.' + key;
}

void FieldReader::fail(const QString &problem)
{
    if (m_problem.isEmpty()) {
        m_problem = problem;
    }
}

void FieldReader::take(const FieldReader &nested)
{
    if (!nested.ok()) {
        fail(nested.problem());
    }
}

std::optional<QString> FieldReader::optionalString(QLatin1StringView key, qsizetype maxLen)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        return std::nullopt;
    }
    if (!v.isString()) {
        fail(QStringLiteral("%1 is not a string").arg(name(key)));
        return std::nullopt;
    }
    QString s = v.toString();
    if (s.size() > maxLen) {
        fail(QStringLiteral("%1 is longer than %2 characters").arg(name(key)).arg(maxLen));
        return std::nullopt;
    }
    return s;
}

QString FieldReader::requiredString(QLatin1StringView key, qsizetype maxLen)
{
    if (!m_object.contains(key) || m_object.value(key).isNull()) {
        fail(QStringLiteral("%1 is missing").arg(name(key)));
        return {};
    }
    return optionalString(key, maxLen).value_or(QString());
}

std::optional<QString> FieldReader::optionalId(QLatin1StringView key)
{
    std::optional<QString> s = optionalString(key, IdMax);
    if (!s) {
        return std::nullopt;
    }
    if (s->isEmpty()) {
        fail(QStringLiteral("%1 is empty").arg(name(key)));
        return std::nullopt;
    }
    for (const QChar c : std::as_const(*s)) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            fail(QStringLiteral("%1 holds a forbidden character").arg(name(key)));
            return std::nullopt;
        }
    }
    return s;
}

QString FieldReader::id(QLatin1StringView key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull()) {
        fail(QStringLiteral("%1 is missing").arg(name(key)));
        return {};
    }
    return optionalId(key).value_or(QString());
}

std::optional<bool> FieldReader::optionalBool(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        return std::nullopt;
    }
    if (!v.isBool()) {
        fail(QStringLiteral("%1 is not a boolean").arg(name(key)));
        return std::nullopt;
    }
    return v.toBool();
}

bool FieldReader::requiredBool(QLatin1StringView key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull()) {
        fail(QStringLiteral("%1 is missing").arg(name(key)));
        return false;
    }
    return optionalBool(key).value_or(false);
}

std::optional<qint64> FieldReader::optionalInt(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        return std::nullopt;
    }
    if (!v.isDouble()) {
        fail(QStringLiteral("%1 is not a number").arg(name(key)));
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > MaxExactInteger) {
        fail(QStringLiteral("%1 is not a whole number in range").arg(name(key)));
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

qint64 FieldReader::requiredInt(QLatin1StringView key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull()) {
        fail(QStringLiteral("%1 is missing").arg(name(key)));
        return 0;
    }
    return optionalInt(key).value_or(0);
}

std::optional<QDateTime> FieldReader::parseUtc(QStringView text)
{
    const QStringView s = text;
    // yyyy-MM-ddTHH:mm:ss, then an optional fraction of 1-9 digits, then Z or ±00:00.
    if (s.size() < 20 || s.size() > 35) {
        return std::nullopt;
    }
    bool ok = true;
    const int year = digits(s, 0, 4, ok);
    const int month = digits(s, 5, 2, ok);
    const int day = digits(s, 8, 2, ok);
    const int hour = digits(s, 11, 2, ok);
    const int minute = digits(s, 14, 2, ok);
    const int second = digits(s, 17, 2, ok);
    if (!ok || s.at(4) != u'-' || s.at(7) != u'-' || (s.at(10) != u'T' && s.at(10) != u't') || s.at(13) != u':'
        || s.at(16) != u':') {
        return std::nullopt;
    }
    qsizetype pos = 19;
    int msec = 0;
    if (pos < s.size() && s.at(pos) == u'.') {
        ++pos;
        const qsizetype start = pos;
        while (pos < s.size() && s.at(pos) >= u'0' && s.at(pos) <= u'9') {
            ++pos;
        }
        const qsizetype n = pos - start;
        if (n < 1 || n > 9) {
            return std::nullopt;
        }
        const QStringView ms = s.mid(start, std::min<qsizetype>(n, 3));
        msec = digits(ms, 0, ms.size(), ok);
        for (qsizetype i = ms.size(); i < 3; ++i) {
            msec *= 10;
        }
    }
    const QStringView zone = s.mid(pos);
    if (zone != u"Z" && zone != u"z" && zone != u"+00:00" && zone != u"-00:00") {
        return std::nullopt;
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid()) {
        return std::nullopt;
    }
    return QDateTime(date, time, Qt::UTC);
}

std::optional<QDateTime> FieldReader::optionalDateTime(QLatin1StringView key)
{
    const std::optional<QString> s = optionalString(key, 64);
    if (!s) {
        return std::nullopt;
    }
    std::optional<QDateTime> dt = parseUtc(*s);
    if (!dt) {
        fail(QStringLiteral("%1 is not an ISO 8601 UTC datetime").arg(name(key)));
    }
    return dt;
}

QDateTime FieldReader::requiredDateTime(QLatin1StringView key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull()) {
        fail(QStringLiteral("%1 is missing").arg(name(key)));
        return {};
    }
    return optionalDateTime(key).value_or(QDateTime());
}

QStringList FieldReader::stringList(QLatin1StringView key, qsizetype maxItems, qsizetype maxLen)
{
    const QJsonArray a = array(key, maxItems);
    QStringList out;
    out.reserve(a.size());
    for (const auto &v : a) {
        if (!v.isString() || v.toString().size() > maxLen) {
            fail(QStringLiteral("%1 holds an item that is not a short string").arg(name(key)));
            return {};
        }
        out.append(v.toString());
    }
    return out;
}

std::optional<QJsonObject> FieldReader::optionalObject(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        return std::nullopt;
    }
    if (!v.isObject()) {
        fail(QStringLiteral("%1 is not an object").arg(name(key)));
        return std::nullopt;
    }
    return v.toObject();
}

QJsonArray FieldReader::array(QLatin1StringView key, qsizetype maxItems)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        return {};
    }
    if (!v.isArray()) {
        fail(QStringLiteral("%1 is not an array").arg(name(key)));
        return {};
    }
    QJsonArray a = v.toArray();
    if (a.size() > maxItems) {
        fail(QStringLiteral("%1 has more than %2 items").arg(name(key)).arg(maxItems));
        return {};
    }
    return a;
}

}  // namespace stocktake::graph
