// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/fieldreader.h"
#include "graph/parsers.h"

namespace stocktake::graph {

using core::Result;
using L = QLatin1StringView;

namespace {

std::optional<MailAddress> readAddress(FieldReader &r, QLatin1StringView key)
{
    const std::optional<QJsonObject> outer = r.optionalObject(key);
    if (!outer) {
        return std::nullopt;
    }
    FieldReader o(*outer, QString(key));
    const std::optional<QJsonObject> email = o.optionalObject(L("emailAddress"));
    r.take(o);
    if (!email) {
        return std::nullopt;
    }
    FieldReader e(*email, QString(key) + QStringLiteral(".emailAddress"));
    MailAddress a;
    a.name = e.optionalString(L("name"), 512).value_or(QString());
    a.address = e.optionalString(L("address"), 512).value_or(QString());
    r.take(e);
    return a;
}

}  // namespace

Result<MailMessage> parseMailMessage(const QJsonObject &item)
{
    FieldReader r(item);
    MailMessage m;
    m.id = r.id();
    m.receivedDateTime = r.requiredDateTime(L("receivedDateTime"));
    m.from = readAddress(r, L("from"));
    m.sender = readAddress(r, L("sender"));
    m.subject = r.optionalString(L("subject"), 4096).value_or(QString());
    m.hasAttachments = r.optionalBool(L("hasAttachments")).value_or(false);
    if (!r.ok()) {
        return badRecord(r.problem());
    }
    return m;
}

Result<AttachmentInfo> parseAttachment(const QJsonObject &item)
{
    FieldReader r(item);
    AttachmentInfo a;
    a.id = r.id();
    a.name = r.optionalString(L("name"), 1024).value_or(QString());
    a.contentType = r.optionalString(L("contentType"), 256);
    a.size = r.optionalInt(L("size")).value_or(0);
    a.isInline = r.optionalBool(L("isInline")).value_or(false);
    a.odataType = r.optionalString(L("@odata.type"), 128).value_or(QString());
    if (a.size < 0) {
        r.fail(QStringLiteral("size is negative"));
    }
    if (!r.ok()) {
        return badRecord(r.problem());
    }
    return a;
}

Parsed<MailMessage> parseMailMessages(const QJsonArray &items)
{
    return parsePage<MailMessage>(items, parseMailMessage);
}

Parsed<AttachmentInfo> parseAttachments(const QJsonArray &items)
{
    return parsePage<AttachmentInfo>(items, parseAttachment);
}

}  // namespace stocktake::graph
