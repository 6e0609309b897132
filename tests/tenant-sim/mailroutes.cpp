// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailroutes.h"

#include "mailbox.h"
#include "odatafilter.h"
#include "tenant.h"

#include <QJsonArray>
#include <QUrl>

#include <algorithm>

namespace stocktake::tenantsim {

using namespace graphjson;

namespace {

constexpr int kMessagesTop = 10;
constexpr int kMessagesMaxTop = 1000;
constexpr int kSearchResults = 1000;

const QStringList &bodyProperties()
{
    static const QStringList kBody {QStringLiteral("body"), QStringLiteral("uniqueBody")};
    return kBody;
}

/// Every property but the body: what a message without $select shows here.
QStringList headerProperties(const QJsonObject &full)
{
    QStringList keys = full.keys();
    for (const QString &b : bodyProperties()) {
        keys.removeAll(b);
    }
    keys.removeAll(QStringLiteral("@odata.etag"));
    return keys;
}

QString bodyViolation(const QStringList &selected)
{
    for (const QString &b : bodyProperties()) {
        if (selected.contains(b)) {
            return QStringLiteral("message body requested ($select=%1)").arg(b);
        }
    }
    return {};
}

HttpResponse accessDenied()
{
    return error(
        403, QStringLiteral("ErrorAccessDenied"), QStringLiteral("Access is denied. Check credentials and try again."));
}

}  // namespace

MailRoutes::MailRoutes(GraphContext &context)
    : m_context(context)
{ }

bool MailRoutes::isOwnMailbox(const QString &mailbox) const
{
    if (mailbox == QLatin1StringView("me")) {
        return true;
    }
    const Tenant &tenant = m_context.tenant;
    if (tenant.users().isEmpty()) {
        return false;
    }
    const User &admin = tenant.users().at(tenant.admin());
    return mailbox.compare(tenant.userId(admin), Qt::CaseInsensitive) == 0
        || mailbox.compare(tenant.userPrincipalName(admin), Qt::CaseInsensitive) == 0;
}

HttpResponse MailRoutes::handle(const HttpRequest &request)
{
    QStringList s = request.path.split(u'/', Qt::SkipEmptyParts);
    QString mailbox;
    if (s.value(0) == QLatin1StringView("me")) {
        mailbox = QStringLiteral("me");
        s.removeFirst();
    } else if (s.value(0) == QLatin1StringView("users") && s.size() >= 3) {
        mailbox = s.at(1);
        s = s.mid(2);
    } else {
        return none();
    }
    if (s.value(0) != QLatin1StringView("messages")) {
        return none();
    }
    if (!isOwnMailbox(mailbox)) {
        // Another person's mailbox needs application permissions or delegation (graph-facts §B.11).
        return accessDenied();
    }
    if (s.size() == 1) {
        return list(request);
    }
    const auto index = m_context.mailbox.messageById(s.at(1));
    if (!index) {
        return error(404, QStringLiteral("ErrorItemNotFound"),
            QStringLiteral("The specified object was not found in the store."));
    }
    return message(request, m_context.mailbox.messages().at(*index), s.mid(2));
}

HttpResponse MailRoutes::list(const HttpRequest &request)
{
    const QUrlQuery &q = request.query;
    const Mailbox &mailbox = m_context.mailbox;
    const QJsonObject sample = mailbox.messageJson(mailbox.messages().constFirst());
    const Select sel = select(q, sample.keys());
    if (!sel.unknown.isEmpty()) {
        return error(400, QStringLiteral("RequestBroker--ParseUri"),
            QStringLiteral("Could not find a property named '%1' on type 'Microsoft.OutlookServices.Message'.")
                .arg(sel.unknown));
    }
    const std::optional<int> n = top(q, kMessagesTop, kMessagesMaxTop);
    if (!n) {
        return error(400, QStringLiteral("ErrorInvalidUrlQuery"), QStringLiteral("The value of $top is not valid."));
    }
    const bool searching = q.hasQueryItem(QStringLiteral("$search"));
    const QString filterText = q.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
    const QString orderText = q.queryItemValue(QStringLiteral("$orderby"), QUrl::FullyDecoded).simplified();
    if (searching && (q.hasQueryItem(QStringLiteral("$filter")) || !orderText.isEmpty())) {
        return error(400, QStringLiteral("ErrorInvalidUrlQuery"),
            QStringLiteral("The query parameter '%1' is not supported with '$search'.")
                .arg(orderText.isEmpty() ? QStringLiteral("$filter") : QStringLiteral("$orderby")));
    }
    std::optional<Mailbox::Search> search;
    if (searching) {
        search = Mailbox::Search::parse(q.queryItemValue(QStringLiteral("$search"), QUrl::FullyDecoded));
        if (!search) {
            return error(400, QStringLiteral("BadRequest"), QStringLiteral("Syntax error in the $search query."));
        }
    }
    std::optional<ODataFilter> filter;
    if (!filterText.isEmpty()) {
        QString why;
        filter = ODataFilter::parse(filterText, &why);
        if (!filter) {
            return error(400, QStringLiteral("ErrorInvalidUrlQueryFilter"),
                QStringLiteral("The query filter contains one or more invalid nodes: ") + why);
        }
    }
    // $orderby: receivedDateTime or sentDateTime, desc by default as Outlook lists them.
    QString orderBy = QStringLiteral("receivedDateTime");
    bool ascending = false;
    if (!orderText.isEmpty()) {
        orderBy = orderText.section(u' ', 0, 0);
        ascending = orderText.section(u' ', 1, 1).compare(QLatin1StringView("asc"), Qt::CaseInsensitive) == 0;
        if (orderBy != QLatin1StringView("receivedDateTime") && orderBy != QLatin1StringView("sentDateTime")) {
            return error(
                400, QStringLiteral("ErrorInvalidUrlQuery"), QStringLiteral("The $orderby property is not supported."));
        }
        // graph-facts §B.11: with $filter, the $orderby property must come first in the filter.
        if (filter && filter->properties().value(0) != orderBy) {
            return error(400, QStringLiteral("InefficientFilter"),
                QStringLiteral("The restriction or sort order is too complex for this operation."));
        }
    }
    QList<int> order;
    for (int i = 0; i < mailbox.messages().size(); ++i) {
        order.append(i);
    }
    if (ascending) {
        std::reverse(order.begin(), order.end());  // messages() is newest first
    }
    bool ok = true;
    const int skip = q.hasQueryItem(QStringLiteral("$skip")) ? q.queryItemValue(QStringLiteral("$skip")).toInt(&ok) : 0;
    if (!ok || skip < 0) {
        return error(400, QStringLiteral("ErrorInvalidUrlQuery"), QStringLiteral("The value of $skip is not valid."));
    }
    QJsonArray value;
    int matched = 0;
    bool more = false;
    const QStringList defaults = headerProperties(sample);
    for (const int i : std::as_const(order)) {
        const MailMessage &m = mailbox.messages().at(i);
        if (search && (!search->matches(m) || matched >= kSearchResults)) {
            continue;
        }
        const QJsonObject full = mailbox.messageJson(m);
        if (filter && !filter->matches(full)) {
            continue;
        }
        if (matched++ < skip) {
            continue;
        }
        if (value.size() == *n) {
            more = true;
            break;
        }
        QJsonObject item = project(full, sel.fields, defaults);
        item.insert(QStringLiteral("@odata.etag"), full.value(QLatin1StringView("@odata.etag")));
        value.append(item);
    }
    QJsonObject body {{QStringLiteral("@odata.context"), m_context.metadata(QStringLiteral("users('me')/messages"))},
        {QStringLiteral("value"), value}};
    if (more) {
        // Outlook pages messages with $skip in its nextLink.
        QUrlQuery next(q);
        next.removeAllQueryItems(QStringLiteral("$skip"));
        next.addQueryItem(QStringLiteral("$skip"), QString::number(skip + *n));
        body.insert(QStringLiteral("@odata.nextLink"), link(m_context.apiBase(), request.path, next));
    }
    HttpResponse r = json(200, body);
    r.violation = bodyViolation(sel.fields);
    return r;
}

HttpResponse MailRoutes::message(const HttpRequest &request, const MailMessage &m, const QStringList &rest)
{
    const Mailbox &mailbox = m_context.mailbox;
    if (rest.isEmpty()) {
        const QJsonObject full = mailbox.messageJson(m);
        const Select sel = select(request.query, full.keys());
        HttpResponse r = json(200, project(full, sel.fields, headerProperties(full)));
        r.violation = bodyViolation(sel.fields);
        return r;
    }
    if (rest.size() == 1 && rest.at(0) == QLatin1StringView("$value")) {
        HttpResponse r;
        r.status = 200;
        r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("message/rfc822")});
        r.body = mailbox.mime(m);
        r.violation = QStringLiteral("message MIME requested ($value): it carries the body");
        return r;
    }
    if (rest.at(0) != QLatin1StringView("attachments") || rest.size() > 3) {
        return notFound(request.path);
    }
    if (rest.size() == 1) {
        // graph-facts §B.12: $filter is ignored here; $select may leave contentBytes out.
        QJsonArray value;
        QStringList known {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("contentType"),
            QStringLiteral("size"), QStringLiteral("isInline"), QStringLiteral("lastModifiedDateTime"),
            QStringLiteral("contentId"), QStringLiteral("contentLocation"), QStringLiteral("contentBytes")};
        const Select sel = select(request.query, known);
        for (const MailAttachment &a : m.attachments) {
            value.append(project(mailbox.attachmentJson(a, m), sel.fields));
        }
        return json(200,
            QJsonObject {{QStringLiteral("@odata.context"),
                             m_context.metadata(
                                 QStringLiteral("users('me')/messages('") + m.id + QStringLiteral("')/attachments"))},
                {QStringLiteral("value"), value}});
    }
    const auto it = std::find_if(
        m.attachments.begin(), m.attachments.end(), [&rest](const MailAttachment &a) { return a.id == rest.at(1); });
    if (it == m.attachments.end()) {
        return error(404, QStringLiteral("ErrorItemNotFound"), QStringLiteral("The attachment was not found."));
    }
    if (rest.size() == 2) {
        return json(200, project(mailbox.attachmentJson(*it, m), select(request.query, {}).fields));
    }
    if (rest.at(2) != QLatin1StringView("$value")) {
        return notFound(request.path);
    }
    if (it->type == MailAttachment::Type::Reference) {
        return error(405, QStringLiteral("ErrorInvalidRequest"),
            QStringLiteral("$value is not supported for reference attachments."));
    }
    HttpResponse r;
    r.status = 200;
    r.headers.append({QByteArrayLiteral("Content-Type"), it->contentType.toUtf8()});
    r.body = mailbox.attachmentBytes(*it);
    return r;
}

}  // namespace stocktake::tenantsim
