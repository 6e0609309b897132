// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/signinpage.h"

#include "graph/fieldreader.h"
#include "graph/grapherror.h"
#include "graph/parsers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <simdjson.h>

namespace stocktake::graph {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using L = QLatin1StringView;

constexpr double MaxExactInteger = 9007199254740992.0;  // 2^53, as FieldReader::optionalInt
constexpr qint64 MaxExactInt = qint64 {1} << 53;
constexpr qsizetype DisplayNameMax = 512;  // as parseSignIn did
constexpr qsizetype DateTimeMax = 64;      // as FieldReader::optionalDateTime

/// Copies of the few strings a page's records need changed (a canonical time, a lower-cased app
/// id), in blocks that never move, so the views into them stay valid until reset().
class Arena {
public:
    /// Room for `size` bytes, valid until reset().
    char *allocate(std::size_t size)
    {
        while (m_block < m_blocks.size() && m_used + size > m_blocks[m_block].size) {
            ++m_block;
            m_used = 0;
        }
        if (m_block == m_blocks.size()) {
            const std::size_t bytes = std::max(kBlockSize, size);
            m_blocks.push_back({std::make_unique<char[]>(bytes), bytes});
            m_used = 0;
        }
        char *at = m_blocks[m_block].bytes.get() + m_used;
        m_used += size;
        return at;
    }
    std::string_view copy(std::string_view text)
    {
        char *at = allocate(text.size());
        std::memcpy(at, text.data(), text.size());
        return {at, text.size()};
    }
    void reset()
    {
        m_block = 0;
        m_used = 0;
    }

private:
    static constexpr std::size_t kBlockSize = std::size_t {64} * 1024;
    struct Block {
        std::unique_ptr<char[]> bytes;
        std::size_t size = 0;
    };
    std::vector<Block> m_blocks;
    std::size_t m_block = 0;
    std::size_t m_used = 0;
};

/// QString's length of a UTF-8 text (valid UTF-8: simdjson has checked it).
qsizetype utf16Length(std::string_view utf8)
{
    qsizetype n = 0;
    for (const char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        n += (b & 0xC0) != 0x80 ? 1 : 0;
        n += b >= 0xF0 ? 1 : 0;  // a surrogate pair
    }
    return n;
}

/// A scalar of the page's envelope as QJsonValue, for PagedQuery's checks of the links.
QJsonValue envelopeValue(element e)
{
    std::string_view text;
    int64_t integer = 0;
    uint64_t unsignedInteger = 0;
    double real = 0;
    bool flag = false;
    if (!e.get(text))
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    if (!e.get(integer))
        return double(integer);
    if (!e.get(unsignedInteger))
        return double(unsignedInteger);
    if (!e.get(real))
        return real;
    if (!e.get(flag))
        return flag;
    if (e.is_null())
        return QJsonValue::Null;
    return e.is_array() ? QJsonValue(QJsonArray()) : QJsonValue(QJsonObject());
}

/// Reads one record's fields in FieldReader's order, keeping its first problem.
class RecordReader {
public:
    explicit RecordReader(Arena &arena)
        : m_arena(arena)
    { }

    QString problem;

    std::optional<std::string_view> id(std::optional<element> e, QLatin1StringView key)
    {
        if (!e || e->is_null()) {
            fail(QStringLiteral("%1 is missing").arg(key));
            return std::nullopt;
        }
        return optionalId(e, key);
    }

    std::optional<std::string_view> optionalId(std::optional<element> e, QLatin1StringView key)
    {
        const std::optional<std::string_view> s = optionalString(e, key, FieldReader::IdMax);
        if (!s)
            return std::nullopt;
        if (s->empty()) {
            fail(QStringLiteral("%1 is empty").arg(key));
            return std::nullopt;
        }
        for (const char c : *s) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                fail(QStringLiteral("%1 holds a forbidden character").arg(key));
                return std::nullopt;
            }
        }
        return s;
    }

    std::optional<std::string_view> optionalString(std::optional<element> e, QLatin1StringView key, qsizetype maxLen)
    {
        if (!e || e->is_null())
            return std::nullopt;
        std::string_view s;
        if (e->get(s)) {
            fail(QStringLiteral("%1 is not a string").arg(key));
            return std::nullopt;
        }
        if (qsizetype(s.size()) > maxLen && utf16Length(s) > maxLen) {
            fail(QStringLiteral("%1 is longer than %2 characters").arg(key).arg(maxLen));
            return std::nullopt;
        }
        return s;
    }

    /// The time in ms and its stored text, "yyyy-MM-ddTHH:mm:ssZ".
    std::optional<std::pair<qint64, std::string_view>> requiredDateTime(std::optional<element> e, QLatin1StringView key)
    {
        if (!e || e->is_null()) {
            fail(QStringLiteral("%1 is missing").arg(key));
            return std::nullopt;
        }
        const std::optional<std::string_view> s = optionalString(e, key, DateTimeMax);
        if (!s)
            return std::nullopt;
        const std::optional<qint64> ms = FieldReader::parseUtcMs(*s);
        if (!ms) {
            fail(QStringLiteral("%1 is not an ISO 8601 UTC datetime").arg(key));
            return std::nullopt;
        }
        if (s->size() == 20 && (*s)[10] == 'T' && (*s)[19] == 'Z')
            return std::pair {*ms, *s};
        std::array<char, 20> text {};
        std::memcpy(text.data(), s->data(), 19);
        text[10] = 'T';
        text[19] = 'Z';
        return std::pair {*ms, m_arena.copy({text.data(), text.size()})};
    }

    /// ASCII lower case, as SQLite's NOCASE folds and as app ids (GUIDs) are written.
    std::string_view lowerCase(std::string_view s)
    {
        const auto upper = [](char c) {
            return c >= 'A' && c <= 'Z';
        };
        if (std::none_of(s.begin(), s.end(), upper))
            return s;
        char *lower = m_arena.allocate(s.size());
        for (std::size_t i = 0; i < s.size(); ++i)
            lower[i] = upper(s[i]) ? char(s[i] - 'A' + 'a') : s[i];
        return {lower, s.size()};
    }

    std::optional<qint64> optionalInt(std::optional<element> e, QLatin1StringView key)
    {
        if (!e || e->is_null())
            return std::nullopt;
        switch (e->type()) {
        case element_type::INT64: {
            int64_t v = 0;
            if (!e->get(v) && v >= -MaxExactInt && v <= MaxExactInt)
                return v;
            break;
        }
        case element_type::UINT64:
            break;
        case element_type::DOUBLE: {
            double d = 0;
            if (!e->get(d) && std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= MaxExactInteger)
                return static_cast<qint64>(d);
            break;
        }
        default:
            fail(QStringLiteral("%1 is not a number").arg(key));
            return std::nullopt;
        }
        fail(QStringLiteral("%1 is not a whole number in range").arg(key));
        return std::nullopt;
    }

    void fail(const QString &text)
    {
        if (problem.isEmpty())
            problem = text;
    }

private:
    Arena &m_arena;
};

}  // namespace

struct SignInPageReader::Private {
    simdjson::dom::parser parser;
    std::vector<char> padded;  // the body, followed by simdjson's padding
    Arena arena;
    std::vector<SignInView> records;
    QList<ParseIssue> issues;

    void readRecord(int index, element item);
};

SignInPageReader::SignInPageReader()
    : d(std::make_unique<Private>())
{ }

SignInPageReader::~SignInPageReader() = default;

const std::vector<SignInView> &SignInPageReader::records() const
{
    return d->records;
}

const QList<ParseIssue> &SignInPageReader::issues() const
{
    return d->issues;
}

core::Result<PageEnvelope> SignInPageReader::read(QByteArrayView body, const JsonLimits &limits)
{
    d->records.clear();
    d->issues.clear();
    d->arena.reset();
    if (body.size() > limits.maxBytes)
        return GraphError::bodyTooLarge(body.size(), limits.maxBytes);
    const auto length = std::size_t(body.size());
    if (d->padded.size() < length + simdjson::SIMDJSON_PADDING)
        d->padded.resize(length + simdjson::SIMDJSON_PADDING);
    std::memcpy(d->padded.data(), body.data(), length);
    if (d->parser.max_depth() != std::size_t(limits.maxDepth)) {
        // simdjson counts the root as depth 1, as jsonNestingDepth does.
        if (const auto e = d->parser.allocate(std::max<std::size_t>(length, 1), std::size_t(limits.maxDepth)))
            return GraphError::malformedJson(
                GraphError::JsonProblem::Syntax, QString::fromUtf8(simdjson::error_message(e)));
    }
    element root;
    if (const auto e = d->parser.parse(d->padded.data(), length, false).get(root)) {
        return GraphError::malformedJson(
            e == simdjson::DEPTH_ERROR ? GraphError::JsonProblem::TooDeep : GraphError::JsonProblem::Syntax,
            e == simdjson::DEPTH_ERROR ? QStringLiteral("nesting deeper than %1").arg(limits.maxDepth)
                                       : QString::fromUtf8(simdjson::error_message(e)));
    }
    simdjson::dom::object fields;
    if (root.get(fields))
        return GraphError::malformedJson(GraphError::JsonProblem::NotObject, QStringLiteral("root is not an object"));
    PageEnvelope envelope;
    std::optional<simdjson::dom::array> value;
    for (const simdjson::dom::key_value_pair field : fields) {
        simdjson::dom::array items;
        if (field.key == "value")
            value = field.value.get(items) ? std::nullopt : std::optional(items);
        else if (field.key == "@odata.nextLink")
            envelope.nextLink = envelopeValue(field.value);
        else if (field.key == "@odata.deltaLink")
            envelope.deltaLink = envelopeValue(field.value);
        else if (field.key == "@odata.count")
            envelope.count = envelopeValue(field.value);
    }
    if (!value)
        return envelope;
    envelope.items = qsizetype(value->size());
    d->records.reserve(std::size_t(*envelope.items));
    int index = 0;
    for (const element item : *value)
        d->readRecord(index++, item);
    return envelope;
}

void SignInPageReader::Private::readRecord(int index, element item)
{
    simdjson::dom::object fields;
    if (item.get(fields)) {
        issues.append({index, QString(), QStringLiteral("item is not an object")});
        return;
    }
    std::optional<element> id;
    std::optional<element> created;
    std::optional<element> userId;
    std::optional<element> appId;
    std::optional<element> appName;
    std::optional<element> status;
    for (const simdjson::dom::key_value_pair field : fields) {
        const std::string_view key = field.key;
        if (key == "id")
            id = field.value;
        else if (key == "createdDateTime")
            created = field.value;
        else if (key == "userId")
            userId = field.value;
        else if (key == "appId")
            appId = field.value;
        else if (key == "appDisplayName")
            appName = field.value;
        else if (key == "status")
            status = field.value;
        // Only what Endpoint::signIns() selects is read; anything else Graph sends is ignored.
    }
    RecordReader r(arena);
    SignInView s;
    const auto idText = r.id(id, L("id"));
    const auto when = r.requiredDateTime(created, L("createdDateTime"));
    s.userId = r.optionalId(userId, L("userId"));
    s.appId = r.optionalId(appId, L("appId"));
    s.appDisplayName = r.optionalString(appName, L("appDisplayName"), DisplayNameMax);
    if (status && !status->is_null()) {
        simdjson::dom::object statusFields;
        if (status->get(statusFields)) {
            r.fail(QStringLiteral("status is not an object"));
        } else {
            std::optional<element> errorCode;
            for (const simdjson::dom::key_value_pair field : statusFields) {
                if (field.key == "errorCode")
                    errorCode = field.value;
            }
            s.errorCode = r.optionalInt(errorCode, L("status.errorCode")).value_or(0);
        }
    }
    if (!r.problem.isEmpty()) {
        QString issueId;
        std::string_view text;
        if (id && !id->get(text)) {
            issueId = QString::fromUtf8(text.data(), qsizetype(text.size())).left(128);
        }
        issues.append({index, issueId, badRecord(r.problem).detail});
        return;
    }
    s.id = *idText;
    s.createdMs = when->first;
    s.created = when->second;
    if (s.appId)
        s.appId = r.lowerCase(*s.appId);
    records.push_back(s);
}

}  // namespace stocktake::graph
