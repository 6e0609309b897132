// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphjson.h"

#include "odatafilter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

namespace stocktake::tenantsim::graphjson {

HttpResponse json(int status, const QJsonObject &body)
{
    HttpResponse r;
    r.status = status;
    r.headers.append({QByteArrayLiteral("Content-Type"),
        QByteArrayLiteral("application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;"
                          "charset=utf-8")});
    r.headers.append({QByteArrayLiteral("request-id"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse error(int status, const QString &code, const QString &message)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject inner {{QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("request-id"), requestId}, {QStringLiteral("client-request-id"), requestId}};
    return json(status,
        QJsonObject {{QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
                {QStringLiteral("innerError"), inner}}}});
}

HttpResponse notFound(const QString &path)
{
    return error(400, QStringLiteral("BadRequest"),
        QStringLiteral("Resource not found for the segment '%1'.").arg(path.section(u'/', -1)));
}

HttpResponse none()
{
    HttpResponse r;
    r.status = 0;
    return r;
}

Select select(const QUrlQuery &query, const QStringList &known)
{
    Select s;
    const QString text = query.queryItemValue(QStringLiteral("$select"), QUrl::FullyDecoded);
    for (const QString &f : text.split(u',', Qt::SkipEmptyParts)) {
        const QString field = f.trimmed();
        if (!known.contains(field, Qt::CaseInsensitive) && s.unknown.isEmpty()) {
            s.unknown = field;
        }
        // Graph matches property names case-insensitively and answers in its own spelling.
        const auto it = std::find_if(known.begin(), known.end(),
            [&field](const QString &k) { return k.compare(field, Qt::CaseInsensitive) == 0; });
        s.fields.append(it != known.end() ? *it : field);
    }
    return s;
}

QJsonObject project(const QJsonObject &full, const QStringList &select, const QStringList &defaults)
{
    const QStringList &wanted = select.isEmpty() ? defaults : select;
    if (wanted.isEmpty()) {
        return full;
    }
    QJsonObject out;
    if (full.contains(QLatin1StringView("@odata.type"))) {
        out.insert(QStringLiteral("@odata.type"), full.value(QLatin1StringView("@odata.type")));
    }
    if (full.contains(QLatin1StringView("id"))) {
        out.insert(QStringLiteral("id"), full.value(QLatin1StringView("id")));
    }
    for (const QString &field : wanted) {
        const auto it = full.constFind(field);
        if (it != full.constEnd()) {
            out.insert(field, *it);
        }
    }
    return out;
}

std::optional<int> top(const QUrlQuery &query, int fallback, int max)
{
    if (!query.hasQueryItem(QStringLiteral("$top"))) {
        return fallback;
    }
    bool ok = false;
    const int n = query.queryItemValue(QStringLiteral("$top")).toInt(&ok);
    if (!ok || n < 1 || n > max) {
        return std::nullopt;
    }
    return n;
}

QString encodeToken(const QList<QPair<QString, QString>> &fields)
{
    QStringList parts;
    for (const auto &[key, value] : fields) {
        parts.append(key + u'=' + value);
    }
    return QString::fromLatin1(
        parts.join(u';').toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QHash<QString, QString>> decodeToken(const QString &token)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        return std::nullopt;
    }
    QHash<QString, QString> out;
    for (const QString &part : QString::fromUtf8(decoded.decoded).split(u';')) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq <= 0) {
            return std::nullopt;
        }
        out.insert(part.left(eq), part.mid(eq + 1));
    }
    return out;
}

QString link(const QString &base, const QString &path, const QUrlQuery &query)
{
    QUrl url(base + path);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

HttpResponse page(const GraphContext &context, const HttpRequest &request, const Collection &collection)
{
    const QUrlQuery &q = request.query;
    const Select sel = select(q, collection.known);
    if (!sel.unknown.isEmpty()) {
        return error(400, QStringLiteral("BadRequest"),
            QStringLiteral("Could not find a property named '%1' on type 'microsoft.graph.%2'.")
                .arg(sel.unknown, collection.context));
    }
    if (!collection.pageable && q.hasQueryItem(QStringLiteral("$top"))) {
        return error(400, QStringLiteral("Request_UnsupportedQuery"),
            QStringLiteral("The query parameter '$top' is not supported on this resource."));
    }
    const std::optional<int> n = top(q, collection.pageable ? collection.defaultTop : 1000000, collection.maxTop);
    if (!n) {
        return error(400, QStringLiteral("Request_UnsupportedQuery"),
            QStringLiteral("Invalid page size specified: '%1'. Must be between 1 and %2 inclusive.")
                .arg(q.queryItemValue(QStringLiteral("$top")))
                .arg(collection.maxTop));
    }
    std::optional<ODataFilter> filter;
    if (q.hasQueryItem(QStringLiteral("$filter"))) {
        if (!collection.filterable) {
            return error(400, QStringLiteral("Request_UnsupportedQuery"),
                QStringLiteral("The query parameter '$filter' is not supported on this resource."));
        }
        QString why;
        filter = ODataFilter::parse(q.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded), &why);
        if (!filter) {
            return error(
                400, QStringLiteral("Request_UnsupportedQuery"), QStringLiteral("Invalid filter clause: ") + why);
        }
    }
    qsizetype position = 0;
    if (q.hasQueryItem(QStringLiteral("$skiptoken"))) {
        const auto token = decodeToken(q.queryItemValue(QStringLiteral("$skiptoken")));
        bool ok = false;
        position = token ? token->value(QStringLiteral("i")).toLongLong(&ok) : 0;
        if (!ok || position < 0) {
            return error(400, QStringLiteral("Request_BadRequest"), QStringLiteral("Invalid skip token."));
        }
    }
    QStringList wanted = sel.fields.isEmpty() ? collection.defaults : sel.fields;
    if (!wanted.isEmpty()) {
        wanted += collection.extra;
    }
    // What the renderer must produce: everything for a $filter, else the wanted ones and the id.
    QStringList render = filter ? QStringList() : wanted;
    if (!render.isEmpty()) {
        render << QStringLiteral("id") << QStringLiteral("@odata.type");
    }
    QJsonArray value;
    while (position < collection.size && value.size() < *n) {
        const std::optional<QJsonObject> full = collection.item(position++, render);
        if (full && (!filter || filter->matches(*full))) {
            value.append(collection.rendersWanted && !filter ? *full : project(*full, wanted));
        }
    }
    QJsonObject body {
        {QStringLiteral("@odata.context"), context.metadata(collection.context)}, {QStringLiteral("value"), value}};
    if (position < collection.size && collection.pageable) {
        QUrlQuery next(q);
        next.removeAllQueryItems(QStringLiteral("$skiptoken"));
        next.addQueryItem(
            QStringLiteral("$skiptoken"), encodeToken({{QStringLiteral("i"), QString::number(position)}}));
        body.insert(QStringLiteral("@odata.nextLink"), link(context.apiBase(), request.path, next));
    }
    return json(200, body);
}

}  // namespace stocktake::tenantsim::graphjson
