// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphjson.h"

namespace stocktake::tenantsim {

struct MailMessage;

/// me/messages and users/{id}/messages with $search, $filter, $select, $orderby and $skip
/// paging; a message's attachments and their raw `$value`. A body is sent only when $select
/// names it, and then the request is logged as a violation (ARCHITECTURE.md: bodies are never
/// requested).
class MailRoutes {
public:
    explicit MailRoutes(GraphContext &context);
    HttpResponse handle(const HttpRequest &request);

private:
    HttpResponse list(const HttpRequest &request);
    HttpResponse message(const HttpRequest &request, const MailMessage &message, const QStringList &rest);
    /// Whether `mailbox` ("me", the admin's id or UPN) is the signed-in admin's.
    [[nodiscard]] bool isOwnMailbox(const QString &mailbox) const;

    GraphContext &m_context;
};

}  // namespace stocktake::tenantsim
