// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/fieldreader.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace stocktake::graph {

namespace {

constexpr double MaxExactInteger = 9007199254740992.0;  // 2^53

char16_t unitAt(QStringView s, qsizetype i)
{
    return s[i].unicode();
}

char16_t unitAt(std::string_view s, qsizetype i)
{
    return char16_t(static_cast<unsigned char>(s[std::size_t(i)]));
}

template <typename View> int digits(View s, qsizetype from, qsizetype count, bool &ok)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = unitAt(s, i);
        if (c < u'0' || c > u'9') {
            ok = false;
            return 0;
        }
        v = v * 10 + (c - u'0');
    }
    return v;
}

template <typename View> bool restIs(View s, qsizetype from, std::u16string_view ascii)
{
    if (qsizetype(s.size()) - from != qsizetype(ascii.size()))
        return false;
    for (qsizetype i = 0; i < qsizetype(ascii.size()); ++i) {
        if (unitAt(s, from + i) != ascii[std::size_t(i)])
            return false;
    }
    return true;
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), year >= 1.
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = year / 400;
    const int yoe = year - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64 {era} * 146097 + doe - 719468;
}

/// yyyy-MM-ddTHH:mm:ss, then an optional fraction of 1-9 digits, then Z or ±00:00, in UTF-16 or
/// UTF-8: ms since the epoch, or nullopt.
template <typename View> std::optional<qint64> utcMs(View s)
{
    const auto size = qsizetype(s.size());
    if (size < 20 || size > 35) {
        return std::nullopt;
    }
    bool ok = true;
    const int year = digits(s, 0, 4, ok);
    const int month = digits(s, 5, 2, ok);
    const int day = digits(s, 8, 2, ok);
    const int hour = digits(s, 11, 2, ok);
    const int minute = digits(s, 14, 2, ok);
    const int second = digits(s, 17, 2, ok);
    if (!ok || unitAt(s, 4) != u'-' || unitAt(s, 7) != u'-' || (unitAt(s, 10) != u'T' && unitAt(s, 10) != u't')
        || unitAt(s, 13) != u':' || unitAt(s, 16) != u':') {
        return std::nullopt;
    }
    qsizetype pos = 19;
    int msec = 0;
    if (unitAt(s, pos) == u'.') {
        const qsizetype start = ++pos;
        while (pos < size && unitAt(s, pos) >= u'0' && unitAt(s, pos) <= u'9') {
            ++pos;
        }
        const qsizetype n = pos - start;
        if (n < 1 || n > 9) {
            return std::nullopt;
        }
        msec = digits(s, start, std::min<qsizetype>(n, 3), ok);
        for (qsizetype i = n; i < 3; ++i) {
            msec *= 10;
        }
    }
    if (!restIs(s, pos, u"Z") && !restIs(s, pos, u"z") && !restIs(s, pos, u"+00:00") && !restIs(s, pos, u"-00:00")) {
        return std::nullopt;
    }
    // QDate's and QTime's validity: the proleptic Gregorian calendar without a year 0, no leap second.
    if (!QDate::isValid(year, month, day) || !QTime::isValid(hour, minute, second, msec)) {
        return std::nullopt;
    }
    return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000 + qint64 {second} * 1000 + msec;
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
    const std::optional<qint64> ms = utcMs(text);
    if (!ms) {
        return std::nullopt;
    }
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
}

std::optional<qint64> FieldReader::parseUtcMs(std::string_view utf8)
{
    return utcMs(utf8);
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
