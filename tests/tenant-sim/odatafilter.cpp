// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "odatafilter.h"

#include <QJsonValue>
#include <QTimeZone>

namespace stocktake::tenantsim {

struct ODataFilter::Node {
    enum class Kind { And, Or, Not, Compare, Function };
    enum class Literal { String, Bool, Null, Number, DateTime };
    Kind kind = Kind::Compare;
    QString op;    ///< eq…le, or the function name
    QString path;  ///< the property path of a comparison or function
    Literal type = Literal::Null;
    QString text;
    bool boolean = false;
    double number = 0;
    QDateTime dateTime;
    std::unique_ptr<Node> left;
    std::unique_ptr<Node> right;
};

namespace {

using Node = ODataFilter::Node;

class Parser {
public:
    explicit Parser(const QString &text)
        : m_text(text)
    { }

    std::unique_ptr<Node> parse(QString *error)
    {
        auto node = orExpr();
        if (m_error.isEmpty() && !peek().isEmpty()) {
            m_error = QStringLiteral("unexpected '%1'").arg(peek());
        }
        if (!m_error.isEmpty()) {
            *error = m_error;
            return nullptr;
        }
        return node;
    }

private:
    /// The next token without taking it: a quoted string (quotes kept), ( ) , or a word.
    QString peek()
    {
        const qsizetype save = m_pos;
        QString t = next();
        m_pos = save;
        return t;
    }

    QString next()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace()) {
            ++m_pos;
        }
        if (m_pos >= m_text.size()) {
            return {};
        }
        const QChar c = m_text.at(m_pos);
        if (c == u'(' || c == u')' || c == u',') {
            ++m_pos;
            return QString(c);
        }
        if (c == u'\'') {
            QString out = QStringLiteral("'");
            ++m_pos;
            while (m_pos < m_text.size()) {
                if (m_text.at(m_pos) == u'\'') {
                    if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'\'') {
                        out += u'\'';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    return out + u'\'';
                }
                out += m_text.at(m_pos++);
            }
            m_error = QStringLiteral("unterminated string literal");
            return {};
        }
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && !m_text.at(m_pos).isSpace() && m_text.at(m_pos) != u'('
            && m_text.at(m_pos) != u')' && m_text.at(m_pos) != u',') {
            ++m_pos;
        }
        return m_text.mid(start, m_pos - start);
    }

    bool keyword(QLatin1StringView word)
    {
        if (peek().compare(word, Qt::CaseInsensitive) == 0) {
            next();
            return true;
        }
        return false;
    }

    std::unique_ptr<Node> binary(Node::Kind kind, std::unique_ptr<Node> left, std::unique_ptr<Node> right)
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    std::unique_ptr<Node> orExpr()
    {
        auto left = andExpr();
        while (m_error.isEmpty() && keyword(QLatin1StringView("or"))) {
            left = binary(Node::Kind::Or, std::move(left), andExpr());
        }
        return left;
    }

    std::unique_ptr<Node> andExpr()
    {
        auto left = notExpr();
        while (m_error.isEmpty() && keyword(QLatin1StringView("and"))) {
            left = binary(Node::Kind::And, std::move(left), notExpr());
        }
        return left;
    }

    std::unique_ptr<Node> notExpr()
    {
        if (keyword(QLatin1StringView("not"))) {
            return binary(Node::Kind::Not, notExpr(), nullptr);
        }
        return primary();
    }

    static bool isPath(const QString &word)
    {
        if (word.isEmpty() || word.endsWith(u'/') || word.startsWith(u'/')) {
            return false;
        }
        for (const QChar c : word) {
            if (!c.isLetterOrNumber() && c != u'/' && c != u'_' && c != u'@' && c != u'.') {
                return false;
            }
        }
        return word.at(0).isLetter() || word.at(0) == u'@';
    }

    std::unique_ptr<Node> primary()
    {
        const QString word = next();
        if (word.isEmpty()) {
            m_error = QStringLiteral("expression expected");
            return nullptr;
        }
        if (word == u'(') {
            auto inner = orExpr();
            if (m_error.isEmpty() && next() != u')') {
                m_error = QStringLiteral("')' expected");
            }
            return inner;
        }
        if (peek() == u'(') {
            next();
            const QString name = word.toLower();
            if (name.endsWith(QLatin1StringView("/any")) || name.endsWith(QLatin1StringView("/all"))) {
                m_error = QStringLiteral("lambda operators are not supported on this resource");
                return nullptr;
            }
            if (name != QLatin1StringView("contains") && name != QLatin1StringView("startswith")
                && name != QLatin1StringView("endswith")) {
                m_error = QStringLiteral("unknown function '%1'").arg(word);
                return nullptr;
            }
            auto node = std::make_unique<Node>();
            node->kind = Node::Kind::Function;
            node->op = name;
            node->path = next();
            if (!isPath(node->path) || next() != u',') {
                m_error = QStringLiteral("%1(property, 'text') expected").arg(name);
                return nullptr;
            }
            literal(*node, next());
            if (m_error.isEmpty() && (node->type != Node::Literal::String || next() != u')')) {
                m_error = QStringLiteral("%1(property, 'text') expected").arg(name);
            }
            return node;
        }
        if (!isPath(word)) {
            m_error = QStringLiteral("property expected, found '%1'").arg(word);
            return nullptr;
        }
        auto node = std::make_unique<Node>();
        node->kind = Node::Kind::Compare;
        node->path = word;
        node->op = next().toLower();
        static const QStringList kOps {QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("gt"),
            QStringLiteral("ge"), QStringLiteral("lt"), QStringLiteral("le")};
        if (!kOps.contains(node->op)) {
            m_error = QStringLiteral("comparison operator expected after '%1'").arg(word);
            return nullptr;
        }
        literal(*node, next());
        return node;
    }

    void literal(Node &node, const QString &token)
    {
        if (token.startsWith(u'\'')) {
            node.type = Node::Literal::String;
            node.text = token.mid(1, token.size() - 2);
            return;
        }
        const QString lower = token.toLower();
        if (lower == QLatin1StringView("true") || lower == QLatin1StringView("false")) {
            node.type = Node::Literal::Bool;
            node.boolean = lower == QLatin1StringView("true");
            return;
        }
        if (lower == QLatin1StringView("null")) {
            node.type = Node::Literal::Null;
            return;
        }
        if (token.size() >= 10 && token.at(4) == u'-') {
            QDateTime dt = QDateTime::fromString(token, Qt::ISODateWithMs);
            if (!dt.isValid() && token.size() == 10) {
                dt = QDateTime(QDate::fromString(token, Qt::ISODate), QTime(0, 0), QTimeZone::utc());
            }
            if (dt.isValid()) {
                node.type = Node::Literal::DateTime;
                node.dateTime = dt.toUTC();
                return;
            }
        }
        bool ok = false;
        node.number = token.toDouble(&ok);
        if (ok) {
            node.type = Node::Literal::Number;
            return;
        }
        m_error = QStringLiteral("literal expected, found '%1'").arg(token);
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

QJsonValue valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue v = object;
    for (const QString &part : path.split(u'/')) {
        if (!v.isObject()) {
            return QJsonValue::Undefined;
        }
        v = v.toObject().value(part);
    }
    return v;
}

template <typename T> bool compareOrdered(const QString &op, const T &a, const T &b)
{
    if (op == QLatin1StringView("eq")) {
        return a == b;
    }
    if (op == QLatin1StringView("ne")) {
        return !(a == b);
    }
    if (op == QLatin1StringView("gt")) {
        return b < a;
    }
    if (op == QLatin1StringView("ge")) {
        return !(a < b);
    }
    if (op == QLatin1StringView("lt")) {
        return a < b;
    }
    return !(b < a);  // le
}

bool evaluate(const Node &node, const QJsonObject &object)
{
    switch (node.kind) {
    case Node::Kind::And:
        return evaluate(*node.left, object) && evaluate(*node.right, object);
    case Node::Kind::Or:
        return evaluate(*node.left, object) || evaluate(*node.right, object);
    case Node::Kind::Not:
        return !evaluate(*node.left, object);
    case Node::Kind::Function: {
        const QString value = valueAt(object, node.path).toString();
        if (node.op == QLatin1StringView("contains")) {
            return value.contains(node.text, Qt::CaseInsensitive);
        }
        if (node.op == QLatin1StringView("startswith")) {
            return value.startsWith(node.text, Qt::CaseInsensitive);
        }
        return value.endsWith(node.text, Qt::CaseInsensitive);
    }
    case Node::Kind::Compare:
        break;
    }
    const QJsonValue v = valueAt(object, node.path);
    const bool absent = v.isNull() || v.isUndefined();
    switch (node.type) {
    case Node::Literal::Null:
        return node.op == QLatin1StringView("eq") ? absent : (node.op == QLatin1StringView("ne") && !absent);
    case Node::Literal::Bool:
        return !absent && v.isBool() && compareOrdered(node.op, v.toBool(), node.boolean);
    case Node::Literal::Number:
        return !absent && v.isDouble() && compareOrdered(node.op, v.toDouble(), node.number);
    case Node::Literal::DateTime: {
        const QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        return !absent && dt.isValid() && compareOrdered(node.op, dt.toUTC(), node.dateTime);
    }
    case Node::Literal::String:
        break;
    }
    if (absent || !v.isString()) {
        return node.op == QLatin1StringView("ne");
    }
    // Directory and mail string comparisons ignore case.
    const int c = v.toString().compare(node.text, Qt::CaseInsensitive);
    return compareOrdered(node.op, c, 0);
}

void collect(const Node *node, QStringList &out)
{
    if (node == nullptr) {
        return;
    }
    if (node->kind == Node::Kind::Compare || node->kind == Node::Kind::Function) {
        out.append(node->path);
        return;
    }
    collect(node->left.get(), out);
    collect(node->right.get(), out);
}

void bound(const Node *node, const QString &path, ODataFilter::Range &range)
{
    if (node == nullptr) {
        return;
    }
    if (node->kind == Node::Kind::And) {
        bound(node->left.get(), path, range);
        bound(node->right.get(), path, range);
        return;
    }
    if (node->kind != Node::Kind::Compare || node->type != Node::Literal::DateTime
        || node->path.compare(path, Qt::CaseInsensitive) != 0) {
        return;
    }
    const QDateTime t = node->dateTime;
    // Events carry whole seconds: "gt t" starts at the next whole second, "le t" ends after t.
    const QDateTime nextSecond = t.addMSecs(1000 - t.time().msec());
    const auto raiseFrom = [&range](const QDateTime &from) {
        if (!range.from || from > *range.from) {
            range.from = from;
        }
    };
    const auto lowerTo = [&range](const QDateTime &to) {
        if (!range.to || to < *range.to) {
            range.to = to;
        }
    };
    const QDateTime ceilT = t.time().msec() == 0 ? t : nextSecond;
    if (node->op == QLatin1StringView("ge")) {
        raiseFrom(ceilT);
    } else if (node->op == QLatin1StringView("gt")) {
        raiseFrom(t.time().msec() == 0 ? t.addSecs(1) : nextSecond);
    } else if (node->op == QLatin1StringView("lt")) {
        lowerTo(ceilT);
    } else if (node->op == QLatin1StringView("le")) {
        lowerTo(t.time().msec() == 0 ? t.addSecs(1) : nextSecond);
    } else if (node->op == QLatin1StringView("eq")) {
        raiseFrom(t);
        lowerTo(t.addSecs(1));
    }
}

bool rangeOnly(const Node *node, const QString &path)
{
    if (node == nullptr) {
        return false;
    }
    if (node->kind == Node::Kind::And) {
        return rangeOnly(node->left.get(), path) && rangeOnly(node->right.get(), path);
    }
    return node->kind == Node::Kind::Compare && node->type == Node::Literal::DateTime
        && node->op != QLatin1StringView("ne") && node->path.compare(path, Qt::CaseInsensitive) == 0;
}

}  // namespace

ODataFilter::ODataFilter() = default;
ODataFilter::~ODataFilter() = default;
ODataFilter::ODataFilter(ODataFilter &&) noexcept = default;
ODataFilter &ODataFilter::operator=(ODataFilter &&) noexcept = default;

std::optional<ODataFilter> ODataFilter::parse(const QString &text, QString *error)
{
    Parser parser(text);
    auto root = parser.parse(error);
    if (!root) {
        return std::nullopt;
    }
    ODataFilter filter;
    filter.m_root = std::move(root);
    return filter;
}

bool ODataFilter::matches(const QJsonObject &object) const
{
    return !m_root || evaluate(*m_root, object);
}

QStringList ODataFilter::properties() const
{
    QStringList out;
    collect(m_root.get(), out);
    return out;
}

bool ODataFilter::isRangeOnly(const QString &path) const
{
    return rangeOnly(m_root.get(), path);
}

ODataFilter::Range ODataFilter::range(const QString &path) const
{
    Range r;
    bound(m_root.get(), path, r);
    return r;
}

}  // namespace stocktake::tenantsim
